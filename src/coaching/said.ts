// What the user types on a step, in words: addressed to the bot, a request, the other side's answer,
// nothing happened yet (read by src/coaching/routes.ts before a text is taken as the seller's reply).

/** Words addressed to the bot: a question or a request ("保证吗", "多久能退？", "帮我写…"). */
export const TO_THE_BOT = /[吗嘛么？?]\s*$|会不会|是不是|担心|害怕|万一|你(?:确定|能|可以|保证|觉得|说)|保证|能不能|可不可以|怎么办|多久|什么时候|啥时候|到底/;
/** A request to the bot to write something. */
export const REQUEST = /帮我|给我写|替我|教我/;
/** The step's outcome said in words after 已发送: nothing refunded, no reaction yet. */
/** The user's own 已发送 typed (after 进度 the step says 点“已发送”): the step's button, not the other side's 已发货. */
export const OWN_SENT = /^(?:我)?(?:已经?|都)?(?:发送|发)(?:过)?了?(?:[，,\s]*开始计时)?[。.!！~～]*$|^已发送/;
export const STILL_NOT = /^(?:(?:他|她|商家|卖家|对方|平台|客服)(?:那边)?)?(?:还是|还|都|依然|仍然|到期了?(?:还是)?|期限到了?(?:还是)?|时间到了?(?:还是)?)?(?:没(?:有)?退(?:款|钱)?|没(?:有)?到账|没反应|没动静|没消息|没(?:有)?回(?:复|应)?|不理(?:我)?)(?:了|啊|呢|呀|哦)*[。.!！?？~～]*$/;
/** The user says the refund the other side claims has not arrived (没收到, 还没到账, 让我等…工作日). */
export const NOT_ARRIVED = /(?:没|未)(?:有)?(?:收到|到账|看到|见到)|还没到|(?:钱|款)(?:还)?没(?:到|回来)|让我等|等[^。！？!?]{0,4}(?:工作日|天)/;
/** Words that report something already said or done ("不给退，怎么办？", "已经退款了，多久到账？"). */
export const REPORTS = /了|已经|过|说|回复|回我|回消息|不回|只(?:给|肯|能|退)|不给|不肯|不退|拒|拉黑|删/;
/** Words that report what the other side said or did. */
export const OTHER_SIDE = /商家|卖家|客服|对方|老板|店家|店主|上游|人家|平台(?:说|回|答|表示|称)|(?:他|她|它)(?:们)?(?:说|回|答|讲|表示|称|让|要|只|不|拒|已经)|说(?:已经|没有|查无|不能|不退|只能|要|等)|回复|答复|声称/;
