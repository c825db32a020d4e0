// zh-CN: what a user hears when a bound is reached (src/limits, the open-case cap).
const limits: Record<string, string> = {
  'limits.too_long': '这条消息太长了（超过 {max} 字），我没有处理。请只发关键的内容，比如：在哪个平台、哪个商家、付了多少钱、什么时候、发生了什么；长内容可以分几条发。',
  'limits.slow_down': '消息来得有点快，我先停一下。请等大约 {seconds} 秒再发，之前的内容都还在。',
  'limits.open_cases': '你已经有 {count} 个进行中的案件，这是同时能开的上限。请先结案一个不再需要的案件，再开新的。',
};

export default limits;
