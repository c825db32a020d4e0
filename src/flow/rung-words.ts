// Words read on a rung's step: a reminder asked for in words, nothing back yet, the whole sum back (moved
// out of rungs.ts, which is at the 400-line cap).
/** "两天后提醒我", "明天再提醒我", "过几天再提醒". */
export const REMIND_ME = /^(?:那|好的?|行)?[，,\s]*(?:([1-9]|[一两二三四五六七])天(?:以)?后|明天|后天|过(?:两|几)天)(?:再)?(?:提醒(?:我|一下)?|说|看)[。.!！吧]*(?:[\s，,]+(?:最近|这两天|现在|今天)?[^。！？!?\s]{0,6}(?:忙|没空|没时间|有事))?[。.!！吧]*$/;
export const CN_DAYS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7 };

/** "Nothing came back yet" at "how much came back?". */
export const NOTHING_YET = /^(?:0|0元|零|没有?|没收到|还没(?:有)?(?:收到|到|到账|退|退回来)?|没到账?|没退(?:回来)?|一分(?:钱)?(?:都|也)?没(?:有|收到|到|退)?|(?:钱|款)(?:还|都)?没(?:有)?(?:到|到账|回来|收到)|还没看到|没看到(?:钱|退款)?)(?:呢|啊|呀|了|哦|吧)*[。.!！?？~～]*$/;

/** The whole sum back, said in words. */
export const FULL_BACK = /全额|全部(?:都)?(?:退|到|回)|全(?:都)?(?:退|回来)|都退(?:了|回)|退完了|全款|一分不少|一分没少/;
