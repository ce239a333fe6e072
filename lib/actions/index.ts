export {
  ACTION_TYPES,
  MEDIA_ACTION_TYPES,
  MEDIA_KIND_OF,
  isMediaActionType,
  mediaRefsOf,
  type MediaActionType,
  QUESTION_TYPES,
  actionTypeOf,
  parseActionBody,
  field,
  type ActionDefinition,
  type ActionType,
  type Question,
} from './definition';
export { checkAnswers, checkAnswer, describeProblem } from './answers';
export { answerMediaRefs, answerMediaIds, type AnswerMediaRef } from './media-answers';
export {
  apiActionBody,
  apiActionDetails,
  apiSender,
  questionsOf,
  type ActionRecord,
  type ResponseRecord,
  type Viewer,
  type StoredMedia,
  type MediaUrl,
} from './view';
export { csvLine } from './cards';
export { insertAction, lockAction, writeResponse, AnswersRejected, type ResponseInput, type Sender } from './store';
export { uploadAnswerFile, discardAnswerFile } from './uploads';
export { listGroupActions, respondToAction, actionResponsesExport, PORTAL_ACTIONS_PAGE, type ActionsPage } from './service';
export { respondActionSchema, type ActionCardDto, type AnswerFileDto, type RespondActionInput } from './schemas';
export {
  parsePackage,
  packageActionDefinition,
  packageIdOf,
  findPackage,
  listPackages,
  savePackage,
  deletePackage,
  type PackageDto,
  type PackageTemplate,
} from './packages';
