export {
  DIST_ENTRY,
  defaultInputs,
  leakedSecrets,
  parseOutputFile,
  resetSimulator,
  runAction,
  runnerEnv,
  ACTION_REPOSITORY,
  RUN_ID,
  WORKFLOW_PATH,
  writesOf,
  type ActionRun,
  type RunOptions
} from '../../test/run-action.js'
