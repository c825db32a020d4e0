// Answer understanding (issue 11): pure functions, no database. See README.md in this folder.
export { fold, foldKey } from './fold.js';
export { yesNo, type YesNo, type Polarity } from './yesno.js';
export { matchOption, matchOptions, typedNumber, type OptionSpec, type OptionMatch } from './options.js';
export { synonymsOf, synonymsForLabel, synonymKey, optionSpecs, choiceOptions, optionLabelKey, questionOptions, allSynonyms } from './synonyms.js';
export { stableChecklist, checklistLines, checklistOptions, caseRef, pickCase, type ChecklistEntry } from './numbering.js';
export { looksLikeCardKey, findCardKeys, withoutCardKeys, extractCardKey, type KeySpan } from './cardkey.js';
export { checkName, extractName, extractAmount, extractOrderId, type NameCheck } from './values.js';
export { readDate, type DateReading } from './dates.js';
export { readCorrection, readConfirmation, type Correction, type Confirmation } from './correction.js';
export { checkClosingAmount, remainder, type ClosingAmountCheck } from './amounts.js';
export { goodsArrived, GOODS_OWED } from './arrived.js';
export { yuan, whichOneText, correctionOffer, exceedsPaidText } from './messages.js';
export { sameAsBefore } from './name-words.js';
export { withoutTakenBack } from './self-correction.js';
export { storyPlatform, storyItem } from './story-names.js';
export { storyPageMessage, storyNoOrder, storyReceived, storySellerSilent, privateTransferSaid, storyBalance, storyToppedUp, storyMoneyTaken, storyOrderUnpaid } from './story-facts.js';
export { accountRecoveredSaid, recoveryDay, withoutRecovery } from './recovered.js';
