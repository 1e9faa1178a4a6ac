/** Test data for unified social credit codes (GB 32100-2015). */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function checkChar(body17: string): string {
  const sum = [...body17].reduce((acc, ch, i) => acc + alphabet.indexOf(ch) * weights[i], 0);
  return alphabet[(31 - (sum % 31)) % 31];
}

/** A well-formed code with a correct check character, unique per call. */
export function validUscc(): string {
  const organisationCode = `MA${Date.now().toString(36).toUpperCase().slice(-5)}${alphabet[Math.floor(Math.random() * 31)]}`.replace(/[IOSVZ]/g, '0').padEnd(8, '0');
  const body = `91110108${organisationCode}`.slice(0, 16) + String(Math.floor(Math.random() * 10));
  return body + checkChar(body);
}

/** 18 allowed characters whose check character is wrong: passes the browser's pre-check, fails the server's. */
export function usccWithWrongCheck(): string {
  const good = validUscc();
  const wrong = alphabet[(alphabet.indexOf(good[17]) + 1) % 31];
  return good.slice(0, 17) + wrong;
}
