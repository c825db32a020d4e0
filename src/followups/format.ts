// "11月22日 17:00" for follow-up messages: the same cheap formatter the flows use.
export { formatDateTime as formatMoment } from '../flow/format.js';
