export {
  DIST_ENTRY,
  defaultInputs,
  leakedSecrets,
  parseOutputFile,
  runAction,
  writesOf,
  type ActionRun,
  type RunOptions
} from '../../test/run-action.js'
