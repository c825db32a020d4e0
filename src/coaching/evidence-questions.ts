// Questions about the user's own evidence asked on a case (exploratory testing): cropping a
// screenshot to the order, masking a phone number, splitting a long one — fine, keep the original;
// part of the chat deleted — what still proves the case. Answered here, before the fabrication
// guard (which reads "改/裁" as editing) and before anything takes the words as the seller's reply.
// Changing what a picture shows (time, amount, order, text) is not this: the guard answers that.
import { t } from './text.js';
import type { Router } from '../engine/routes.js';
import { button } from '../engine/choices.js';
import { matchCommand } from '../engine/commands.js';

const EVIDENCE = /截图|截屏|图片|照片|录屏|聊天记录|聊天截图|记录/;
/** Cropping, masking, splitting, compressing: the content stays what it was. */
const TRIM = /裁剪|裁切|裁了|裁掉|剪了一下|只留(?:了)?|截(?:成了?|了)(?:两|几|2|3)张|分成了?(?:两|几|2|3)张|打(?:了)?码|马赛克|涂(?:掉|了|黑)|遮(?:住|挡|了|一下)|压缩|缩小|拼(?:成|接|在一起)|拼图/;
/** Changing what it shows is another matter (the fabrication guard). */
const CHANGE = /改|修|p图|ps|编辑(?!器)|伪造|换成|替换|时间|金额|日期|数字|单号/i;
/** The other side blocked or deleted the user: their doing, not a question about one's own evidence. */
const OTHER_SIDE_DID = /(?:商家|卖家|客服|对方|老板|他|她)[^。！？!?]{0,6}(?:拉黑|删|屏蔽|撤回)/;
/** Part of the chat lost: deleted, cleared, the phone changed. */
const LOST = /(?:聊天记录|聊天|对话)[^。！？!?]{0,8}(?:删|没了|丢了|清空|找不到|不见了)|(?:删了|删掉了?|清空了|换了手机)[^。！？!?]{0,8}(?:聊天|对话)/;

export function registerEvidenceQuestions(router: Router, order: number): void {
  router.text(
    (ctx) => {
      const c = ctx.active;
      // During the intake a text is an answer to the question asked ("页面截图删了 记不清").
      if (ctx.choice || !c || c.status !== 'open' || (c.state.stage !== 'ladder' && c.state.stage !== 'evidence')) return false;
      const text = ctx.text.trim();
      if (!text || text.length > 120 || matchCommand(text) || !EVIDENCE.test(text)) return false;
      let key: string | undefined;
      if (TRIM.test(text) && !CHANGE.test(text.replace(TRIM, ''))) key = 'coach.evidence_q.trim';
      else if (LOST.test(text) && !OTHER_SIDE_DID.test(text)) key = 'coach.evidence_q.lost';
      if (!key) return false;
      return ctx.reply({ text: t(key), choices: [button({ kind: 'menu', action: 'continue' }, t('coach.continue'))] });
    },
    { order },
  );
}
