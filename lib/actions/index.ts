export {
  ACTION_TYPES,
  MEDIA_ACTION_TYPES,
  QUESTION_TYPES,
  actionTypeOf,
  parseActionBody,
  field,
  type ActionDefinition,
  type ActionType,
  type Question,
} from './definition';
export { checkAnswers, checkAnswer, describeProblem } from './answers';
export { apiActionBody, apiActionDetails, apiSender, type ActionRecord, type ResponseRecord, type Viewer } from './view';
export { csvLine } from './cards';
export { insertAction, lockAction, writeResponse, AnswersRejected, type ResponseInput, type Sender } from './store';
export { listGroupActions, respondToAction, actionResponsesExport, PORTAL_ACTIONS_PAGE } from './service';
export { respondActionSchema, type ActionCardDto, type RespondActionInput } from './schemas';
