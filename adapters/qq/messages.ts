// Registers the adapter's wording (src/i18n/zh-CN/qq.ts) once, on first import.
import { addMessages } from '../../src/i18n/index.js';
import qq from '../../src/i18n/zh-CN/qq.js';

addMessages(qq);
