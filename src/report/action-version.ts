/** This action's version, as in package.json (a unit test keeps the two equal). */
export const ACTION_VERSION = '1.0.0'

/** The name code scanning shows as the tool. */
export const ACTION_NAME = 'aep-cmk-azure-action'
