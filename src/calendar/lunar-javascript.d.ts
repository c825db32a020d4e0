// The part of lunar-javascript (6tail, MIT) the calendar uses; the package ships no types.
declare module 'lunar-javascript' {
  interface Solar {
    toYmd(): string;
    getYear(): number;
    next(days: number): Solar;
  }
  interface Lunar {
    getSolar(): Solar;
    /** Solar-term name (e.g. 清明) → its day, for the terms around this lunar year. */
    getJieQiTable(): Record<string, Solar>;
  }
  const lib: {
    Lunar: { fromYmd(year: number, month: number, day: number): Lunar };
    Solar: { fromYmd(year: number, month: number, day: number): Solar };
  };
  export default lib;
}
