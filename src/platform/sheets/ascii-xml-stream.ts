import { Transform } from 'node:stream';

/**
 * XML text with every character outside printable ASCII written as a character reference (中 → &#20013;), which an
 * XML parser reads back as the same character (not inside CDATA, which SpreadsheetML parts do not use). Control
 * characters, invalid in XML, become references the parser refuses, rather than bytes that could pass for a zip
 * record signature (PK\x07\x08) and end the part early.
 */
export function toAsciiXml(xml: string): string {
  return xml.replace(/[^\t\n\r\x20-\x7e]/gu, (ch) => `&#${ch.codePointAt(0)};`);
}

/**
 * A stream of UTF-8 XML made pure ASCII (see toAsciiXml). exceljs's streaming reader decodes each chunk on its own,
 * so a Chinese character cut by a chunk boundary became two U+FFFD (about 1 cell in 1,000 on a Chinese sheet, measured);
 * ASCII has no characters to cut.
 */
export function createAsciiXmlStream(): Transform {
  const decoder = new TextDecoder('utf-8');
  const encode = (text: string) => Buffer.from(toAsciiXml(text), 'latin1');
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, encode(decoder.decode(chunk, { stream: true })));
    },
    flush(done) {
      done(null, encode(decoder.decode()));
    },
  });
}
