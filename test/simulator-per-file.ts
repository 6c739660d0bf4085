import { resetSimulator } from './run-action.js'
import { startSimulator, type Simulator } from './simulator/index.js'

/**
 * One simulator for a test file: started before its first test and closed after its last, and,
 * with `resetEachTest`, put back to the default scenario before each test. `onStart` is handed
 * the simulator once it listens.
 */
export function simulatorPerFile(
  onStart: (sim: Simulator) => void,
  { resetEachTest }: { resetEachTest: boolean }
): void {
  let sim: Simulator | undefined
  beforeAll(async () => {
    sim = await startSimulator()
    onStart(sim)
  })
  afterAll(async () => {
    await sim?.close()
  })
  if (resetEachTest) beforeEach(() => resetSimulator(sim!))
}
