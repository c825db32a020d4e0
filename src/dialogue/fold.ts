// Answer matching folds text with the project's one pipeline (src/text/fold.ts).
export { fold, foldKey, type FoldOptions } from '../text/fold.js';
