// Registers the coaching locale file with the catalogue once, and re-exports t().
import { addMessages, has, t, type Params } from '../i18n/index.js';
import coaching from '../i18n/zh-CN/coaching.js';

addMessages(coaching);

export { has, t, type Params };
