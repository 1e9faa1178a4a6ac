/** A plausible 2027 arrangement, written for the tests (not an official notice). */
export const test2027 = {
  year: 2027,
  source: '测试用 2027 年安排 (test data)',
  papers: [],
  days: [
    { date: '2027-01-01', isOffDay: true, name: '元旦' },
    { date: '2027-02-06', isOffDay: true, name: '春节' },
    { date: '2027-02-07', isOffDay: true, name: '春节' },
    { date: '2027-02-08', isOffDay: true, name: '春节' },
    { date: '2027-02-09', isOffDay: true, name: '春节' },
    { date: '2027-02-10', isOffDay: true, name: '春节' },
    { date: '2027-02-11', isOffDay: true, name: '春节' },
    { date: '2027-02-12', isOffDay: true, name: '春节' },
    { date: '2027-02-13', isOffDay: false, name: '春节' },
  ],
};
