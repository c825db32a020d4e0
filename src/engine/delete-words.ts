// 删除我的数据 said in words (explore3 F21): "把我的记录全部删掉", "删除我的所有数据", "帮我把我的信息都删了".
// Only the user's own records, asked of the bot — "商家把聊天记录删了" is about evidence, not this.
const MINE = '(?:我的|我(?=所有|全部))(?:所有|全部)?(?:的)?(?:记录|数据|信息|资料|聊天记录|案件)';
const DELETE = '(?:删掉|删除|删了|清除|清空|清掉|抹掉)';
const WORDS = new RegExp(
  `^(?:请|麻烦)?(?:你)?(?:帮我)?(?:(?:把|将)${MINE}(?:全部|都|全|统统)?${DELETE}|${DELETE}${MINE})(?:吧|了|掉)?(?:谢谢)?[。.!！~～]*$`,
);

export function isDeleteRequest(text: string): boolean {
  return WORDS.test(text.trim().replace(/\s+/g, ''));
}
