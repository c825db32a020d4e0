// Button ids for the codec tests (engine and Telegram): valid ones of every kind, and garbled ones.

/** One valid id of every kind (and every shape within a kind). */
export const VALID = [
  'm:new', 'm:continue', 'm:progress', 's:not_received', 'c:12', 'f:12:refunded', 'f:12:snooze3', 'f:12:to_platform', 'f:stop',
  'x:full', 'x:abandoned', 'x:none:ok', 'd:yes', 'd:no', 'a:alipay', 'q:skip', 'e:order_shot', 'e:order_shot:off', 'e:done', 'x:delivered', 'r:sent', 'r:next', 'r:resume',
  'u:yes', 'u:no', 'u:s:card_used', 'bl:rn', 'bl:rs', 'bl:rx', 'bl:cn', 'bl:rc:3', 'bl:rw:3', 'bl:cj:3', 'bl:cy:3', 'bl:ap:3',
  'bl:ab:3', 'bl:rj:3', 'bl:sk:3', 'bl:bc:3:go', 'bl:bc:3:no', 'bl:px', 'bl:nm', 'bl:lp:2', 'bl:sp:2', 'bl:ua:3', 'bl:cr:3', 'bl:mo:3', 'bl:sm:3', 'bl:at:3', 'bl:fl:3',
  'k:said', 'k:sr:no_order', 'k:sr:partial_offer', 'k:pa', 'k:pc', 'k:bc', 'k:co', 'k:rs', 'k:rn', 'k:sw:card_used', 'k:rv', 'k:rf',
  'v:yes', 'v:no',
];

/** Garbled or forged ids, at least one per kind, plus ids of no kind at all. */
export const GARBLED = [
  'm:bogus', 'm:', 'm:new:1', 's:bogus', 's:', 'c:abc', 'c:0', 'c:-1', 'c:1e3', 'c:', 'f:1:bogus', 'f:abc:refunded', 'f:bogus',
  'f:1:refunded:x', 'f:1:to_moon', 'f:0:stop', 'x:bogus', 'x:', 'x:full:1', 'd:maybe', 'd:', 'a:', 'a:BAD option', 'a:x:y',
  'q:bogus', 'q:', 'e:', 'e:bad item', 'e:done:1', 'e:done:off', 'x:none:no', 'x:bogus:ok', 'e:order_shot:on', 'e:order_shot:off:1', 'r:bogus', 'r:', 'u:maybe', 'u:s:bogus', 'u:s:', 'bl:zz', 'bl:', 'bl:rc',
  'bl:rc:abc', 'bl:rn:5', 'bl:px:1', 'bl:lp', 'bl:ua:x', 'bl:fl', 'bl:fl:x', 'bl:bc:1', 'bl:bc:1:maybe', 'bl:bc:x:go', '', ':', 'zz:1', 'm', 'x'.repeat(200), '\u0000', 'm:new\n',
  '__proto__', 'constructor:1',
  'k:', 'k:zz', 'k:sr', 'k:sr:other', 'k:sr:bogus', 'k:sw:bogus', 'k:bc:1', 'k:said:x',
  'v:maybe', 'v:', 'v:yes:1',
];

