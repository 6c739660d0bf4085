export {
  DIST_ENTRY,
  defaultInputs,
  leakedSecrets,
  parseOutputFile,
  resetSimulator,
  runAction,
  writesOf,
  type ActionRun,
  type RunOptions
} from '../../test/run-action.js'
