export const id = 393;
export const ids = [393];
export const modules = {

/***/ 47675:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bw: () => (/* binding */ CHECK_CATALOG),
  vs: () => (/* binding */ checkDefinitions)
});

// UNUSED EXPORTS: catalogTable

// EXTERNAL MODULE: ./src/model/finding.ts
var finding = __webpack_require__(41300);
// EXTERNAL MODULE: ./src/checks/read-error.ts
var read_error = __webpack_require__(10886);
;// CONCATENATED MODULE: ./src/checks/adobe-sign-in-checks.ts

const DEVELOPER_CONSOLE = 'https://developer.adobe.com/console';
const PERMISSION = 'Manage Customer Managed Key';
/**
 * adobe.sign-in: IMS issued a token, and Platform's first answer (the registration read) did not
 * refuse it or the organisation. A 401 or 403 from Platform is a sign-in problem, not a missing
 * registration: it is diagnosed here and app.registered is then skipped.
 */
function adobeSignInFinding(signIn, registration) {
    if (!signIn.token.ok) {
        const { cause, fix } = diagnoseIms(signIn, signIn.token.error);
        return failed(cause, fix, signIn.token.error);
    }
    if (!registration.ok && refusedByPlatform(registration.error)) {
        const { cause, fix } = diagnosePlatform(signIn, registration.error);
        return failed(cause, fix, registration.error);
    }
    const how = signIn.credential === 'client-credentials'
        ? `IMS issued a token for credential ${signIn.clientId ?? ''}`
        : 'A ready access token (adobe-access-token) is used';
    const accepted = registration.ok ? `; Platform accepted it for organisation ${signIn.orgId}` : '';
    return {
        id: 'adobe.sign-in',
        outcome: 'pass',
        detail: `${how}${accepted}.`,
        evidence: { credential: signIn.credential, clientId: signIn.clientId, orgId: signIn.orgId }
    };
}
/** A 401 or 403 from Platform: the token, the organisation or the permission was refused. */
function refusedByPlatform(error) {
    return error.kind === 'forbidden';
}
function failed(cause, fix, error) {
    return {
        id: 'adobe.sign-in',
        outcome: 'fail',
        detail: `${cause}. ${(0,read_error/* describeReadError */.U)(error)}.`,
        fix,
        evidence: (0,read_error/* readErrorEvidence */.G)(error)
    };
}
/**
 * IMS answers OAuth errors {error, error_description}. Its descriptions name the field it
 * refused ("invalid client_id parameter", "invalid client_secret parameter"); where they do not,
 * the fix names both.
 */
function diagnoseIms(signIn, error) {
    const message = error.message;
    const credential = signIn.clientId ?? '(adobe-client-id)';
    const console = `the Adobe Developer Console (${DEVELOPER_CONSOLE}): your project > OAuth Server-to-Server credential`;
    if (/invalid_scope/.test(message)) {
        return {
            cause: `IMS refused the scopes ${signIn.scopes?.join(',') ?? ''} for credential ${credential} (invalid_scope)`,
            fix: `Set adobe-scopes to exactly the scopes listed on the credential in ${console}, comma-separated.`
        };
    }
    if (/invalid_client/.test(message) && /client_secret/.test(message)) {
        return {
            cause: `adobe-client-secret is not a valid client secret of credential ${credential} (invalid_client)`,
            fix: `Copy the client secret from ${console} (Retrieve client secret) into the secret behind adobe-client-secret.`
        };
    }
    if (/invalid_client/.test(message)) {
        return {
            cause: `IMS does not accept adobe-client-id ${credential} with this secret (invalid_client)`,
            fix: `Copy the Client ID and the client secret from ${console} into adobe-client-id and the secret behind adobe-client-secret.`
        };
    }
    return {
        cause: 'Could not get an Adobe IMS token',
        fix: "Re-run the job; if it repeats, check the runner's network and proxy settings for ims-na1.adobelogin.com, and the Adobe credential."
    };
}
/**
 * Platform's gateway refuses with {error_code, message}: 401013 a token that is not valid,
 * 403025 an organisation or a product profile that does not entitle it. Any other 403 comes from the CMK
 * service itself; Adobe documents that these endpoints need the "Manage Customer Managed Key"
 * permission, so that is what a 403 there means.
 */
function diagnosePlatform(signIn, error) {
    const message = error.message;
    if (/401013/.test(message) || error.status === 401) {
        return signIn.credential === 'access-token'
            ? {
                cause: 'Platform refused adobe-access-token: it is not valid or has expired',
                fix: 'IMS tokens expire after 24 hours: give adobe-client-id and adobe-client-secret instead, so the action asks for a fresh token on every run.'
            }
            : {
                cause: 'Platform refused the token IMS issued',
                fix: `Check that the credential's project in ${DEVELOPER_CONSOLE} includes the Experience Platform API, then re-run.`
            };
    }
    // Adobe's Platform troubleshooting guide: 403025 "Profile is not valid" means the credential is
    // not entitled to Platform for the org in x-gw-ims-org-id: the wrong org, or a project/product
    // profile without the permission. The answer does not say which.
    if (/403025/.test(message)) {
        return {
            cause: `Platform refused organisation ${signIn.orgId} to this credential (403025 "Profile is not valid"): either ${signIn.orgId} is not the organisation the credential belongs to, or the credential's product profile lacks the "${PERMISSION}" permission`,
            fix: `Check both: adobe-org-id must be the Organization ID shown on the credential in ${DEVELOPER_CONSOLE} (it ends in @AdobeOrg); and in Adobe Experience Platform, Permissions > Roles, a role with the "${PERMISSION}" permission must include this API credential (API credentials tab), and the credential's project must have the Experience Platform API with a product profile.`
        };
    }
    return {
        cause: `Platform refused the CMK endpoints to this credential: it lacks the "${PERMISSION}" permission`,
        fix: `In Adobe Experience Platform, Permissions > Roles: add the "${PERMISSION}" permission to a role and add this API credential to that role (API credentials tab); a system administrator can do this.`
    };
}

;// CONCATENATED MODULE: ./src/checks/definitions/adobe-sign-in.ts

const adobeSignIn = {
    id: 'adobe.sign-in',
    needs: [],
    evaluation: {
        over: 'facts',
        evaluate: facts => adobeSignInFinding(facts.adobeSignIn, facts.registration)
    },
    rule: {
        short: 'The action can sign in to Adobe Experience Platform',
        full: 'Without an Adobe token accepted for the org the CMK app registration and configuration cannot be read.',
        help: 'Check the OAuth Server-to-Server credential (client id, secret, scopes), adobe-org-id, and that the product profile grants Manage Customer Managed Key.',
        securitySeverity: 5.0
    },
    nextStep: 'fix the Adobe credential',
    docs: {
        checks: "The Adobe IMS token and Platform's first answer.",
        why: 'Every Adobe call (registration, configuration, status) is made with this credential; Adobe lets only a credential with the Manage Customer Managed Key permission enable CMK.',
        failsWhen: 'IMS refuses the credential or its scopes, or Platform refuses the token, the org or the CMK endpoints (a role without the Manage Customer Managed Key permission).'
    },
    fix: {
        az: 'Copy the client id, secret and scopes from the Developer Console credential; set `adobe-org-id` to its organisation; add the credential to an Experience Platform role with the Manage Customer Managed Key permission. Adobe checks are skipped until it passes.'
    }
};

// EXTERNAL MODULE: ./src/facts/consent-url.ts
var consent_url = __webpack_require__(35573);
;// CONCATENATED MODULE: ./src/checks/consent-fix.ts

/**
 * The app.consented fix for a CMK app without a service principal: the consent link when it is on
 * Entra's sign-in host (the configured authority host), why not otherwise, or that Adobe has not
 * published one yet; with the evidence that says which.
 */
function consentFix(link, applicationId) {
    if (!link)
        return {
            fix: "Adobe has not published the CMK app's consent URL yet: re-run setup in a few minutes to get it (output consent-url); an administrator of the vault's tenant must then open it and accept, and re-run the job.",
            evidence: { applicationId, consentUrl: undefined }
        };
    return link.kind === 'entra'
        ? {
            fix: `An administrator of the vault's tenant must open ${link.url} and accept, then re-run the job.`,
            evidence: { applicationId, consentUrl: link.url }
        }
        : {
            fix: (0,consent_url/* consentRefusal */.R3)(link, applicationId),
            evidence: { applicationId, consentUrlHost: link.host }
        };
}

// EXTERNAL MODULE: ./src/checks/skipped.ts
var skipped = __webpack_require__(89049);
;// CONCATENATED MODULE: ./src/checks/role-permissions.ts
/** The data actions Adobe's CMK app needs on the key. */
const REQUIRED_KEY_DATA_ACTIONS = [
    'Microsoft.KeyVault/vaults/keys/read',
    'Microsoft.KeyVault/vaults/keys/wrap/action',
    'Microsoft.KeyVault/vaults/keys/unwrap/action'
];
/** Azure RBAC operation matching: case-insensitive, `*` matches any run of characters (slashes too). */
function actionMatches(pattern, action) {
    const source = pattern
        .split('*')
        .map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
    return new RegExp(`^${source}$`, 'i').test(action);
}
/**
 * The actions of `required` that one role grants. A permission block grants an action when one of
 * its dataActions matches and none of its notDataActions does; a role grants the union over its
 * blocks. notDataActions are exclusions, not denies, so they never subtract across roles.
 */
function grantedDataActions(permissions, required) {
    return required.filter(action => permissions.some(block => block.dataActions.some(pattern => actionMatches(pattern, action)) &&
        !block.notDataActions.some(pattern => actionMatches(pattern, action))));
}
function grantsDataActions(permissions, required) {
    return grantedDataActions(permissions, required).length === required.length;
}
/** Azure RBAC is additive: the principal holds the union of what each of its assignments grants. */
function dataActionCoverage(assignments, required) {
    const granted = new Set();
    const contributing = [];
    const unreadable = [];
    for (const assignment of assignments) {
        if (!assignment.permissions) {
            unreadable.push(assignment);
            continue;
        }
        const actions = grantedDataActions(assignment.permissions, required);
        if (actions.length > 0)
            contributing.push(assignment);
        for (const action of actions)
            granted.add(action);
    }
    return { missing: required.filter(action => !granted.has(action)), contributing, unreadable };
}
/** How app.role names the CMK app's principal: by object id when the directory gave one. */
function cmkAppPrincipal(objectId) {
    return objectId
        ? `The CMK app's service principal ${objectId}`
        : "The CMK app's service principal";
}

;// CONCATENATED MODULE: ./src/checks/hsm-role-check.ts


/** The local role Adobe documents for a Managed HSM. */
const CMK_HSM_ROLE_NAME = 'Managed HSM Crypto Service Encryption User';
/** A built-in local role that may read role assignments and definitions, and nothing more. */
const HSM_READER_ROLE_NAME = 'Managed HSM Crypto Auditor';
/** The local data actions the CMK app needs on the key (rbac.json DataAction). */
const REQUIRED_HSM_KEY_DATA_ACTIONS = [
    'Microsoft.KeyVault/managedHsm/keys/read/action',
    'Microsoft.KeyVault/managedHsm/keys/wrap/action',
    'Microsoft.KeyVault/managedHsm/keys/unwrap/action'
];
/** The exact command that assigns the CMK app its local role on this key. */
function hsmRoleAssignCommand(hsmName, objectId, keyName) {
    return `\`az keyvault role assignment create --hsm-name ${hsmName} --role "${CMK_HSM_ROLE_NAME}" --assignee-object-id ${objectId ?? '<objectId>'} --scope /keys/${keyName}\``;
}
/**
 * What reads the CMK app's transitive group memberships (Graph "List servicePrincipal transitive
 * memberOf": least privileged Application.Read.All, as for the service principal look-up).
 */
const MEMBERSHIP_READ_PERMISSION = 'the Microsoft Graph application permission Application.Read.All (or Directory.Read.All) with admin consent';
function describeAssignment(assignment) {
    const role = assignment.roleName ?? assignment.roleDefinitionId.split('/').pop();
    const via = assignment.principalType === 'Group' ? ` (through group ${assignment.principalId})` : '';
    return `${role} at ${assignment.scope}${via}`;
}
function isNetworkRefusal(message) {
    return /ForbiddenByFirewall|ForbiddenByConnection|not authorized and caller is not a trusted service|Public network access is disabled/i.test(message);
}
/**
 * app.role on a Managed HSM, decided by its local RBAC at `/`, `/keys` and `/keys/<key>`, held by
 * the CMK app or by a group it is in (`memberships`, from Graph: local RBAC has no assignedTo()).
 * When the assignments cannot be read (the HSM's firewall refuses the runner, or the job's identity
 * holds no local role that may read them), it is a warning naming both ways to decide it; when only
 * the memberships cannot be read, a role that only another principal holds (perhaps a group the app
 * is in) is a warning naming the Graph permission.
 */
function hsmAppRoleFinding(hsm, assignments, objectId, keyName, memberships) {
    const assign = hsmRoleAssignCommand(hsm.name, objectId, keyName);
    if (!assignments.ok) {
        const error = assignments.error;
        const readerRole = `give the job's Azure identity the local role ${HSM_READER_ROLE_NAME} at scope / (it may read role assignments and definitions): \`az keyvault role assignment create --hsm-name ${hsm.name} --role "${HSM_READER_ROLE_NAME}" --assignee <azure-client-id> --scope /\``;
        const networkRule = `let the runner through the HSM's network rules (public network access Enabled and, behind a Deny firewall, the runner's address in networkAcls.ipRules), or run the job from a network that reaches it`;
        const network = isNetworkRefusal(error.message);
        const fix = network
            ? `The HSM's firewall refused the runner: ${networkRule}. Reading also needs a local role: ${readerRole}.`
            : error.kind === 'forbidden'
                ? `To decide it, ${readerRole}. Meanwhile make sure the CMK app holds ${CMK_HSM_ROLE_NAME}: ${assign}.`
                : `Re-run the job; if it persists, ${networkRule}, and ${readerRole}.`;
        return {
            id: 'app.role',
            outcome: 'warn',
            detail: `This cannot be decided: the local role assignments of Managed HSM ${hsm.name} could not be read (${(0,read_error/* describeReadError */.U)(error)}).`,
            fix,
            evidence: { ...(0,read_error/* readErrorEvidence */.G)(error), localRbac: true, readerRole: HSM_READER_ROLE_NAME }
        };
    }
    // Unreadable memberships: the reader kept every principal's assignment (principalType unknown).
    const groupsUnknown = memberships !== undefined && !memberships.ok;
    const held = assignments.value.filter(a => !groupsUnknown || a.principalType !== undefined);
    const coverage = dataActionCoverage(held, REQUIRED_HSM_KEY_DATA_ACTIONS);
    const evidence = {
        objectId,
        localRbac: true,
        assignments: held.map(a => ({
            roleName: a.roleName,
            roleDefinitionId: a.roleDefinitionId,
            scope: a.scope,
            ...(a.principalType === 'Group' && { group: a.principalId })
        })),
        ...(memberships !== undefined && {
            groups: memberships.ok ? memberships.value : (0,read_error/* readErrorEvidence */.G)(memberships.error)
        }),
        missing: coverage.missing
    };
    const principal = cmkAppPrincipal(objectId);
    if (coverage.missing.length === 0) {
        return {
            id: 'app.role',
            outcome: 'pass',
            detail: `${principal} may read, wrap and unwrap key ${keyName} through the local role ${coverage.contributing.map(describeAssignment).join(' and ')} of Managed HSM ${hsm.name}.`,
            evidence
        };
    }
    if (groupsUnknown) {
        const others = assignments.value.filter(a => a.principalType === undefined);
        const possible = dataActionCoverage([...held, ...others], REQUIRED_HSM_KEY_DATA_ACTIONS);
        if (possible.missing.length === 0) {
            const byOthers = possible.contributing.filter(a => a.principalType === undefined);
            return {
                id: 'app.role',
                outcome: 'warn',
                detail: `This cannot be decided: ${principal} holds no local role that lets it read, wrap and unwrap key ${keyName} itself, and its group memberships could not be read (${(0,read_error/* describeReadError */.U)(memberships.error)}); on Managed HSM ${hsm.name}, ${byOthers.map(a => `${describeAssignment(a)} of principal ${a.principalId}`).join(' and ')} may be held through a group it is in.`,
                fix: `Grant the job's Azure identity ${MEMBERSHIP_READ_PERMISSION}, so that roles held through groups are counted; or assign the CMK app its own local role: ${assign}.`,
                evidence: { ...evidence, possibleGroups: byOthers.map(a => a.principalId) }
            };
        }
    }
    if (coverage.unreadable.length > 0) {
        return {
            id: 'app.role',
            outcome: 'warn',
            detail: `This cannot be decided: the local role definition of ${coverage.unreadable.map(describeAssignment).join(' and ')} could not be read, and the other assignments lack ${coverage.missing.join(', ')}.`,
            fix: `Give the job's Azure identity the local role ${HSM_READER_ROLE_NAME} at scope / (it may read role definitions), or make sure the CMK app holds ${CMK_HSM_ROLE_NAME}: ${assign}.`,
            evidence
        };
    }
    const holds = held.length === 0
        ? `holds no local role at /, /keys or /keys/${keyName} of Managed HSM ${hsm.name}`
        : `holds ${held.map(describeAssignment).join(' and ')} on Managed HSM ${hsm.name}, which lack ${coverage.missing.join(', ')}`;
    return {
        id: 'app.role',
        outcome: 'fail',
        detail: `${principal} ${holds}${memberships?.ok ? ', itself or through its groups' : ''}.`,
        fix: `Assign the local role: ${assign}.`,
        evidence
    };
}

;// CONCATENATED MODULE: ./src/checks/app-checks.ts





const CMK_ROLE_NAME = 'Key Vault Crypto Service Encryption User';
function isRegistered(registration) {
    return Boolean(registration?.applicationId);
}
function registrationFailureFix(error) {
    if (error.kind === 'forbidden') {
        return 'Check adobe-org-id and the Adobe credential: it needs a valid token for that organisation and a product profile that allows managing customer-managed keys.';
    }
    return 'Re-run the job; if the error persists, check adobe-region and the Adobe Experience Platform status.';
}
function appRegisteredFinding(registration, mode) {
    if (!registration.ok) {
        return {
            id: 'app.registered',
            outcome: 'fail',
            detail: `The CMK app registration could not be read: ${(0,read_error/* describeReadError */.U)(registration.error)}.`,
            fix: registrationFailureFix(registration.error),
            evidence: (0,read_error/* readErrorEvidence */.G)(registration.error)
        };
    }
    if (isRegistered(registration.value)) {
        return {
            id: 'app.registered',
            outcome: 'pass',
            detail: `The CMK app is registered with application id ${registration.value.applicationId}.`,
            evidence: {
                applicationId: registration.value.applicationId,
                applicationRedirectUrl: registration.value.applicationRedirectUrl
            }
        };
    }
    const evidence = { registration: registration.value };
    if (mode === 'check') {
        return {
            id: 'app.registered',
            outcome: 'fail',
            detail: 'The CMK app is not registered for this organisation, so setup was never run.',
            fix: 'Run the action once with mode: setup.',
            evidence
        };
    }
    return {
        id: 'app.registered',
        outcome: 'warn',
        detail: 'The CMK app is not registered yet; setup registers it.',
        fix: mode === 'validate'
            ? 'Nothing to do now: mode setup registers the CMK app.'
            : 'Nothing to do: setup registers the CMK app when no check fails.',
        evidence
    };
}
const DIRECTORY_PERMISSION_FIX = "Grant the action's Azure identity the Microsoft Graph application permission Application.Read.All (or Directory.Read.All) with admin consent, or set input cmk-app-object-id to the CMK app's service principal object id.";
function appConsentedFinding(facts, ctx) {
    const sp = facts.servicePrincipal;
    const applicationId = facts.registration.ok ? facts.registration.value?.applicationId : undefined;
    if (sp === undefined) {
        if (!facts.registration.ok)
            return (0,skipped/* skipped */.h)('app.consented', 'app.registered');
        if (!isRegistered(facts.registration.value)) {
            return {
                id: 'app.consented',
                outcome: 'warn',
                detail: 'This cannot be decided until the CMK app is registered.',
                fix: ctx.mode === 'setup'
                    ? 'Fix the failed checks and re-run setup: it registers the CMK app and reports the consent URL.'
                    : 'Run mode setup: it registers the CMK app and reports the consent URL.',
                evidence: { registered: false }
            };
        }
        return {
            id: 'app.consented',
            outcome: 'warn',
            detail: `The service principal of CMK app ${applicationId} was not looked up.`,
            fix: DIRECTORY_PERMISSION_FIX,
            evidence: { applicationId }
        };
    }
    if (sp.ok && sp.value) {
        if (sp.value.source === 'input') {
            return {
                id: 'app.consented',
                outcome: 'pass',
                detail: `The CMK app's service principal object id ${sp.value.objectId} is taken from input cmk-app-object-id; it was not looked up in the directory.`,
                evidence: { objectId: sp.value.objectId, source: 'input' }
            };
        }
        return {
            id: 'app.consented',
            outcome: 'pass',
            detail: `The CMK app has a service principal in the tenant with object id ${sp.value.objectId}.`,
            evidence: { objectId: sp.value.objectId, appId: sp.value.appId, source: 'graph' }
        };
    }
    if (sp.ok) {
        const tenant = facts.vault.ok ? ` ${facts.vault.value.tenantId}` : '';
        const { fix, evidence } = consentFix(ctx.consentLink, applicationId);
        return {
            id: 'app.consented',
            outcome: 'fail',
            detail: `CMK app ${applicationId ?? '(unknown application id)'} has no service principal in tenant${tenant}, so consent was not given yet.`,
            fix,
            evidence
        };
    }
    if (sp.error.kind === 'forbidden') {
        return {
            id: 'app.consented',
            outcome: 'warn',
            detail: `This cannot be decided: the directory look-up of the CMK app's service principal was refused (${(0,read_error/* describeReadError */.U)(sp.error)}).`,
            fix: DIRECTORY_PERMISSION_FIX,
            evidence: (0,read_error/* readErrorEvidence */.G)(sp.error)
        };
    }
    return {
        id: 'app.consented',
        outcome: 'warn',
        detail: `This cannot be decided: the directory look-up of the CMK app's service principal failed (${(0,read_error/* describeReadError */.U)(sp.error)}).`,
        fix: `Re-run the job, or set input cmk-app-object-id to skip the directory look-up.`,
        evidence: (0,read_error/* readErrorEvidence */.G)(sp.error)
    };
}
function roleFix(objectId, vault) {
    return `Assign the role: \`az role assignment create --role "${CMK_ROLE_NAME}" --assignee-object-id ${objectId ?? '<objectId>'} --assignee-principal-type ServicePrincipal --scope ${vault.id}\`.`;
}
function app_checks_describeAssignment(assignment) {
    const role = assignment.roleName ?? assignment.roleDefinitionId.split('/').pop();
    const group = assignment.principalType === 'Group' ? ` through group ${assignment.principalId}` : '';
    const condition = assignment.condition ? ` with condition ${assignment.condition}` : '';
    return `${role} at ${assignment.scope}${group}${condition}`;
}
function assignmentEvidence(assignment) {
    return {
        roleName: assignment.roleName,
        roleDefinitionId: assignment.roleDefinitionId,
        scope: assignment.scope,
        principalId: assignment.principalId,
        principalType: assignment.principalType,
        condition: assignment.condition
    };
}
function appRoleFinding(facts, ctx) {
    if (!facts.vault.ok)
        return (0,skipped/* skipped */.h)('app.role', 'vault.found');
    const vault = facts.vault.value;
    // An access-policy vault fails vault.rbac; this action evaluates Azure RBAC only.
    if (vault.kind === 'vault' && vault.enableRbacAuthorization !== true)
        return (0,skipped/* skipped */.h)('app.role', 'vault.rbac');
    const sp = facts.servicePrincipal;
    const objectId = sp?.ok && sp.value ? sp.value.objectId : undefined;
    const assignments = facts.roleAssignments;
    if (assignments === undefined) {
        if (sp?.ok && sp.value === null)
            return (0,skipped/* skipped */.h)('app.role', 'app.consented');
        if (sp && !sp.ok) {
            return {
                id: 'app.role',
                outcome: 'warn',
                detail: `This cannot be decided: the CMK app's service principal could not be looked up (${(0,read_error/* describeReadError */.U)(sp.error)}).`,
                fix: sp.error.kind === 'forbidden'
                    ? DIRECTORY_PERMISSION_FIX
                    : 'Re-run the job, or set input cmk-app-object-id to skip the directory look-up.',
                evidence: (0,read_error/* readErrorEvidence */.G)(sp.error)
            };
        }
        if (!facts.registration.ok && !objectId)
            return (0,skipped/* skipped */.h)('app.role', 'app.registered');
        if (facts.registration.ok && !isRegistered(facts.registration.value) && !objectId) {
            return {
                id: 'app.role',
                outcome: 'warn',
                detail: 'This cannot be decided until the CMK app is registered and consented.',
                fix: ctx.mode === 'setup'
                    ? 'Fix the failed checks and re-run setup, give consent with the consent URL, then re-run.'
                    : 'Run mode setup, give consent with the consent URL, then re-run.',
                evidence: { registered: false }
            };
        }
        return {
            id: 'app.role',
            outcome: 'warn',
            detail: objectId
                ? `The role assignments of service principal ${objectId} were not looked up.`
                : "This cannot be decided: the CMK app's service principal object id is unknown.",
            fix: DIRECTORY_PERMISSION_FIX,
            evidence: { objectId }
        };
    }
    if (vault.kind === 'managed-hsm') {
        const key = ctx.keyName ?? '<key>';
        return hsmAppRoleFinding(vault, assignments, objectId, key, facts.groupMemberships);
    }
    if (!assignments.ok) {
        const forbidden = assignments.error.kind === 'forbidden';
        return {
            id: 'app.role',
            outcome: 'warn',
            detail: `This cannot be decided: the role assignments on vault ${vault.name} could not be read (${(0,read_error/* describeReadError */.U)(assignments.error)}).`,
            fix: forbidden
                ? "Grant the action's Azure identity Microsoft.Authorization/roleAssignments/read on the vault, e.g. the Reader role on the vault."
                : 'Re-run the job; if the error persists, check the Azure Resource Manager service health.',
            evidence: (0,read_error/* readErrorEvidence */.G)(assignments.error)
        };
    }
    // An assignment with a condition applies only when the condition holds, which cannot be
    // evaluated here: it never makes app.role pass, at most warn.
    const unconditional = assignments.value.filter(a => !a.condition);
    const coverage = dataActionCoverage(unconditional, REQUIRED_KEY_DATA_ACTIONS);
    const withConditions = dataActionCoverage(assignments.value, REQUIRED_KEY_DATA_ACTIONS);
    const evidence = {
        objectId,
        assignments: assignments.value.map(assignmentEvidence),
        missing: coverage.missing
    };
    const principal = cmkAppPrincipal(objectId);
    if (coverage.missing.length === 0) {
        return {
            id: 'app.role',
            outcome: 'pass',
            detail: `${principal} may read, wrap and unwrap keys through ${coverage.contributing.map(app_checks_describeAssignment).join(' and ')}.`,
            evidence
        };
    }
    if (withConditions.missing.length === 0) {
        const conditional = withConditions.contributing.filter(a => a.condition);
        return {
            id: 'app.role',
            outcome: 'warn',
            detail: `This cannot be decided: ${principal} may read, wrap and unwrap keys only through ${conditional.map(app_checks_describeAssignment).join(' and ')}, and a condition cannot be evaluated here.`,
            fix: `Make sure the condition holds for Adobe's key access, or assign the role without a condition: ${roleFix(objectId, vault)}`,
            evidence
        };
    }
    if (coverage.unreadable.length > 0) {
        return {
            id: 'app.role',
            outcome: 'warn',
            detail: `This cannot be decided: the role definition of ${coverage.unreadable.map(app_checks_describeAssignment).join(' and ')} could not be read, and the other assignments lack ${coverage.missing.join(', ')}.`,
            fix: "Grant the action's Azure identity Microsoft.Authorization/roleDefinitions/read (e.g. the Reader role on the vault), or make sure the CMK app holds Key Vault Crypto Service Encryption User on the vault.",
            evidence
        };
    }
    const held = assignments.value.length === 0
        ? 'holds no role on the key, the vault or above'
        : `holds ${assignments.value.map(app_checks_describeAssignment).join(' and ')}, which lack ${coverage.missing.join(', ')}`;
    return {
        id: 'app.role',
        outcome: 'fail',
        detail: `${principal} ${held}.`,
        fix: roleFix(objectId, vault),
        evidence
    };
}

;// CONCATENATED MODULE: ./src/checks/definitions/app-consented.ts

const CREATE_SERVICE_PRINCIPAL = 'the Microsoft Graph application permission Application.ReadWrite.All (with admin consent) or the Entra role Cloud Application Administrator';
const appConsented = {
    id: 'app.consented',
    needs: ['azure.sign-in', 'adobe.sign-in'],
    evaluation: { over: 'facts', evaluate: appConsentedFinding },
    rule: {
        short: 'The Adobe CMK app has a service principal in the tenant',
        full: 'The CMK app reaches the key through its service principal in the vault tenant, which consent creates.',
        help: 'Open the consent URL as a tenant administrator (or let setup create it with remediate: service-principal).',
        securitySeverity: 9.1
    },
    nextStep: 'have an administrator grant consent to the CMK app',
    docs: {
        checks: 'Whether the CMK app has a service principal in the tenant (Microsoft Graph `servicePrincipals(appId=…)`, skipped when `cmk-app-object-id` is set).',
        why: 'Until an administrator consents, the CMK app has no service principal in your tenant and cannot be given a role.',
        failsWhen: 'There is no service principal: nobody has consented yet.',
        warnsWhen: 'The look-up was refused or failed, or the app is not registered yet.'
    },
    adobeAlert: 'key-access-disabled',
    fix: {
        az: "No service principal: an administrator of the vault's tenant opens the consent URL (the `consent-url` output), accepts, and re-runs. Refused: grant the action's identity the Graph application permission `Application.Read.All` (or `Directory.Read.All`) with admin consent, or set `cmk-app-object-id`."
    },
    repair: {
        item: 'service-principal',
        permission: { vault: CREATE_SERVICE_PRINCIPAL, 'managed-hsm': CREATE_SERVICE_PRINCIPAL }
    }
};

;// CONCATENATED MODULE: ./src/checks/definitions/app-registered.ts

const appRegistered = {
    id: 'app.registered',
    needs: ['adobe.sign-in'],
    evaluation: {
        over: 'facts',
        evaluate: (facts, ctx) => appRegisteredFinding(facts.registration, ctx.mode)
    },
    rule: {
        short: 'The Adobe CMK app is registered for the org',
        full: "Adobe's multi-tenant CMK app must be registered before the org can use a customer-managed key.",
        help: 'Run the action with mode: setup; it registers the CMK app.',
        securitySeverity: 7.0
    },
    nextStep: 'register the CMK app with setup',
    docs: {
        checks: 'The CMK app registration (`GET …/byok/app-registration`).',
        why: "Adobe's multi-tenant CMK app is what uses your key; it must be registered for your organisation first.",
        failsWhen: 'The registration cannot be read or made. In `check`, also when the app is not registered.',
        warnsWhen: 'The app is not registered yet, in `setup` or `validate`, because `setup` registers it.'
    },
    fix: {
        az: "Refused (401/403): check `adobe-org-id` and the Adobe credential, which needs a token for that organisation and the permission to manage customer-managed keys. Not registered in `check`: run once with `mode: setup`. Other errors: re-run, then check `adobe-region` and Adobe Experience Platform's status."
    }
};

;// CONCATENATED MODULE: ./src/checks/definitions/code-forms.ts
/*
 * The resources the fixes' code forms are written in, so that each check only names what it
 * changes. Where the names come from:
 * - Terraform: hashicorp/terraform-provider-azurerm v5.2.0, website/docs/r/key_vault.html.markdown,
 *   key_vault_key, key_vault_managed_hardware_security_module(_key, _key_rotation_policy,
 *   _role_assignment) and role_assignment (arguments checked against the provider's schema in
 *   internal/services/keyvault and internal/services/managedhsm).
 * - Bicep: the template reference, learn.microsoft.com/azure/templates/microsoft.keyvault/vaults,
 *   vaults/keys, managedhsms and managedhsms/keys at API version 2025-05-01, and
 *   microsoft.authorization/roleassignments at 2022-04-01 (Bicep's RBAC scenario guide).
 */
/** Terraform: a resource with the given arguments, aligned as `terraform fmt` aligns them. */
function terraformResource(type, arguments_, comments = []) {
    return [
        ...comments.map(line => `# ${line}`),
        `resource "${type}" "cmk" {`,
        ...aligned(arguments_, ' =').map(line => `  ${line}`),
        '}'
    ].join('\n');
}
/** Bicep: a resource with the given top-level lines (e.g. `name`, `properties: {`). */
function bicepResource(symbol, type, lines, comments = []) {
    return [
        ...comments.map(line => `// ${line}`),
        `resource ${symbol} '${type}' = {`,
        ...lines.map(line => `  ${line}`),
        '}'
    ].join('\n');
}
/** Your vault's declaration, with the arguments a fix sets; its other arguments stay as they are. */
function terraformVault(kind, arguments_, comments = []) {
    const [type, name] = kind === 'vault' ? [AZURERM_VAULT, '<vault>'] : [AZURERM_HSM, '<hsm>'];
    return terraformResource(type, [`name = "${name}"`, '# ...its other arguments, as they are', ...arguments_], comments);
}
/** Your vault's declaration in Bicep, with the properties a fix sets. */
function bicepVault(kind, properties, comments = []) {
    const [symbol, type, name] = kind === 'vault' ? ['vault', BICEP_VAULT, '<vault>'] : ['hsm', BICEP_HSM, '<hsm>'];
    return bicepResource(symbol, type, [
        `name: '${name}'`,
        '// ...its other settings, as they are',
        'properties: {',
        ...properties.map(p => `  ${p}`),
        '}'
    ], comments);
}
const AZURERM_VAULT = 'azurerm_key_vault';
const AZURERM_HSM = 'azurerm_key_vault_managed_hardware_security_module';
const BICEP_VAULT = 'Microsoft.KeyVault/vaults@2025-05-01';
const BICEP_HSM = 'Microsoft.KeyVault/managedHSMs@2025-05-01';
/**
 * azurerm reads and writes keys through the vault's data plane (its DataPlaneKeyVaultClient), so
 * `terraform apply` is refused by the vault firewall and needs a data-plane role, like the az fix.
 */
const TERRAFORM_DATA_PLANE = {
    vault: [
        'azurerm writes keys through the data plane: apply from an address the vault firewall',
        'allows, as an identity with Key Vault Crypto Officer.'
    ],
    'managed-hsm': [
        'azurerm writes keys through the data plane: apply from an address the HSM firewall',
        'allows, as an identity with the local role Managed HSM Crypto User.'
    ]
};
/**
 * ARM's key PUT (Keys - Create If Not Exist, what Bicep deploys) creates a key's first version
 * only and never updates an existing key; a template whose values differ from the key's fails
 * with KeyCreationParametersDidNotMatchExistingKey (Azure/bicep#8283, open).
 */
const BICEP_EXISTING_KEY = [
    "Bicep cannot change an existing key (ARM's key PUT only creates a key's first version):",
    'make the change with the az command, then match it here, or the next deployment fails',
    'with KeyCreationParametersDidNotMatchExistingKey.'
];
/** The CMK key as azurerm declares it, with the arguments a fix sets. */
function terraformKey(kind, arguments_, comments = []) {
    const [type, parent] = kind === 'vault'
        ? ['azurerm_key_vault_key', `key_vault_id = ${AZURERM_VAULT}.cmk.id`]
        : [`${AZURERM_HSM}_key`, `managed_hsm_id = ${AZURERM_HSM}.cmk.id`];
    return terraformResource(type, ['name = "<key>"', parent, ...arguments_], [...comments, ...TERRAFORM_DATA_PLANE[kind]]);
}
/** The CMK key as Bicep declares it (a child of the vault resource `vault`). */
function bicepKey(kind, properties, comments = BICEP_EXISTING_KEY) {
    const type = kind === 'vault'
        ? 'Microsoft.KeyVault/vaults/keys@2025-05-01'
        : 'Microsoft.KeyVault/managedHSMs/keys@2025-05-01';
    const parent = kind === 'vault' ? 'vault' : 'hsm';
    return bicepResource('key', type, [`parent: ${parent}`, "name: '<key>'", 'properties: {', ...properties.map(p => `  ${p}`), '}'], [...comments, parentNote(kind)]);
}
/** Pads the names of consecutive `name = value` lines at one depth to one width. */
function aligned(lines, separator) {
    const out = [...lines];
    let start = 0;
    while (start < out.length) {
        const indent = indentOf(out[start] ?? '');
        let end = start;
        while (end < out.length && isAssignment(out[end] ?? '', separator, indent))
            end++;
        const names = out.slice(start, end).map(line => nameOf(line, separator));
        const width = Math.max(0, ...names.map(name => name.length));
        for (let i = start; i < end; i++) {
            const line = out[i] ?? '';
            const at = line.indexOf(separator);
            out[i] = `${indent}${nameOf(line, separator).padEnd(width)}${line.slice(at)}`;
        }
        start = Math.max(end, start + 1);
    }
    return out;
}
function nameOf(line, separator) {
    return line.slice(0, line.indexOf(separator)).trim();
}
function indentOf(line) {
    return /^\s*/.exec(line)?.[0] ?? '';
}
function isAssignment(line, separator, indent) {
    return (indentOf(line) === indent &&
        /^\s*[a-z_]+\s*=/.test(line) &&
        line.includes(separator) &&
        !line.trimEnd().endsWith('{'));
}
/** azurerm v5.2.0 role_assignment.html.markdown: scope, role_definition_name, principal_id, principal_type. */
function terraformRoleAssignment(kind, role, comments = []) {
    const scope = kind === 'vault' ? `${AZURERM_VAULT}.cmk.id` : `${AZURERM_HSM}.cmk.id`;
    return terraformResource('azurerm_role_assignment', [
        `scope = ${scope}`,
        `role_definition_name = "${role.name}"`,
        `principal_id = "${role.principal}"`,
        ...(role.principalType ? [`principal_type = "${role.principalType}"`] : [])
    ], comments);
}
/**
 * Bicep reference, Microsoft.Authorization/roleAssignments 2022-04-01: an extension resource with
 * `scope`, a GUID `name`, properties.roleDefinitionId, principalId and principalType.
 */
function bicepRoleAssignment(kind, role, comments = []) {
    const scope = kind === 'vault' ? 'vault' : 'hsm';
    return bicepResource('roleAssignment', 'Microsoft.Authorization/roleAssignments@2022-04-01', [
        `name: guid(${scope}.id, '${role.principal}', '${role.id}')`,
        `scope: ${scope}`,
        'properties: {',
        `  roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${role.id}') // ${role.name}`,
        `  principalId: '${role.principal}'`,
        ...(role.principalType ? [`  principalType: '${role.principalType}'`] : []),
        '}'
    ], [...comments, parentNote(kind)]);
}
/** Where the symbol a child or extension resource names comes from. */
function parentNote(kind) {
    return kind === 'vault'
        ? "vault: your Microsoft.KeyVault/vaults resource, or `resource vault '...' existing = { name: '<vault>' }`."
        : "hsm: your Microsoft.KeyVault/managedHSMs resource, or `resource hsm '...' existing = { name: '<hsm>' }`.";
}
/** Reader (acdd72a7-…), what the action's identity needs to read the vault and key through ARM. */
const READER_FOR_THE_ACTION = {
    name: 'Reader',
    id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
    principal: '<object id of the identity the action runs as>'
};
/** The arguments of a new CMK key: RSA, wrapKey and unwrapKey, the default min-key-size. */
function newKeyTerraform(kind) {
    return [
        `key_type = "${kind === 'vault' ? 'RSA' : 'RSA-HSM'}"${kind === 'vault' ? ' # RSA-HSM in a premium vault' : ''}`,
        'key_size = 3072 # at least min-key-size',
        'key_opts = ["wrapKey", "unwrapKey"]'
    ];
}
function newKeyBicep(kind) {
    return [
        `kty: '${kind === 'vault' ? 'RSA' : 'RSA-HSM'}'${kind === 'vault' ? " // 'RSA-HSM' in a premium vault" : ''}`,
        'keySize: 3072 // at least min-key-size',
        'keyOps: [',
        "  'wrapKey'",
        "  'unwrapKey'",
        ']'
    ];
}

;// CONCATENATED MODULE: ./src/checks/definitions/app-role.ts


/** Adobe's role for its CMK app (e147488a-…, Azure built-in roles). */
const CRYPTO_SERVICE_ENCRYPTION_USER = {
    name: 'Key Vault Crypto Service Encryption User',
    id: 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
    principal: '<object id of the CMK app service principal>',
    principalType: 'ServicePrincipal'
};
const appRole = {
    id: 'app.role',
    // Only Azure RBAC is evaluated: an access-policy vault fails vault.rbac first.
    needs: ['azure.sign-in', 'adobe.sign-in', 'vault.rbac'],
    evaluation: { over: 'facts', evaluate: appRoleFinding },
    rule: {
        short: 'The Adobe CMK app may read, wrap and unwrap with the key',
        full: 'Without a role such as Key Vault Crypto Service Encryption User on the key or vault, Adobe cannot use the key, which it treats as revocation.',
        help: 'Assign the CMK app Key Vault Crypto Service Encryption User on the vault (Managed HSM: Managed HSM Crypto Service Encryption User), or use remediate: role.',
        securitySeverity: 9.5
    },
    nextStep: 'assign the CMK app its role on the vault',
    docs: {
        checks: "The service principal's role assignments on the vault or above it, and whether their role definitions' data actions together allow `Microsoft.KeyVault/vaults/keys/read`, `…/keys/wrap/action` and `…/keys/unwrap/action` (wildcards and `notDataActions` applied).",
        why: 'Without Key Vault Crypto Service Encryption User (or a role with keys read, wrap and unwrap), the CMK app cannot use the key: Adobe ends FAILED, or, after setup, treats it as revocation.',
        failsWhen: 'The service principal holds no such role.',
        warnsWhen: 'Role assignments or definitions could not be read, the object id is unknown, or only an assignment with a condition allows it.'
    },
    adobeAlert: 'key-access-disabled',
    fix: {
        az: '`az role assignment create --role "Key Vault Crypto Service Encryption User" --assignee-object-id <objectId> --assignee-principal-type ServicePrincipal --scope <vault resource id>` (Managed HSM: `az keyvault role assignment create --hsm-name <hsm> --role "Managed HSM Crypto Service Encryption User" --assignee-object-id <objectId> --scope /keys/<key>`). Unreadable assignments or definitions: grant the action\'s identity `Microsoft.Authorization/roleAssignments/read` and `roleDefinitions/read` on the vault, e.g. Reader.',
        // azurerm v5.2.0 role_assignment.html.markdown; Bicep roleAssignments 2022-04-01 (code-forms.ts).
        terraform: terraformRoleAssignment('vault', CRYPTO_SERVICE_ENCRYPTION_USER),
        bicep: bicepRoleAssignment('vault', CRYPTO_SERVICE_ENCRYPTION_USER),
        managedHsm: {
            // azurerm v5.2.0 key_vault_managed_hardware_security_module_role_assignment.html.markdown:
            // managed_hsm_id, name (a GUID), scope, role_definition_id, principal_id; the role id form is
            // the one its example uses. Bicep has no form: the HSM's local RBAC is data plane, not ARM.
            terraform: terraformResource(`${AZURERM_HSM}_role_assignment`, [
                `managed_hsm_id = ${AZURERM_HSM}.cmk.id`,
                'name = "<a new GUID>"',
                'scope = "/keys/<key>"',
                'role_definition_id = "/Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/33413926-3206-4cdd-b39a-83574fe37a17"',
                `principal_id = "${CRYPTO_SERVICE_ENCRYPTION_USER.principal}"`
            ], [
                "Managed HSM Crypto Service Encryption User, in the HSM's local RBAC (a data-plane write)."
            ])
        }
    },
    repair: {
        item: 'role',
        permission: {
            vault: 'Microsoft.Authorization/roleAssignments/write on the vault (e.g. the role Role Based Access Control Administrator on the vault)',
            'managed-hsm': "the Managed HSM local data action Microsoft.KeyVault/managedHsm/roleAssignments/write/action at /keys/<key> or above (e.g. the HSM's local role Managed HSM Policy Administrator)"
        }
    }
};

;// CONCATENATED MODULE: ./src/checks/azure-sign-in-checks.ts

const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
/** The AADSTS code of an Entra answer, e.g. 700016 for "AADSTS700016: Application ... not found". */
function aadstsCode(message) {
    const match = /\bAADSTS(\d+)\b/.exec(message);
    return match ? Number(match[1]) : undefined;
}
function azureSignInFinding(signIn) {
    const { session } = signIn;
    if (session.ok) {
        const who = [
            session.value.appId && `application ${session.value.appId}`,
            session.value.objectId && `object id ${session.value.objectId}`
        ].filter(Boolean);
        const tenant = session.value.tenantId ?? signIn.tenantId;
        return {
            id: 'azure.sign-in',
            outcome: 'pass',
            detail: `Signed in to Azure with azure-auth ${signIn.method}` +
                (who.length > 0 ? ` as ${who.join(', ')}` : '') +
                (tenant ? ` in tenant ${tenant}.` : '.'),
            evidence: { method: signIn.method, ...session.value }
        };
    }
    const code = aadstsCode(session.error.message);
    const { cause, fix } = diagnose(signIn, session.error, code);
    return {
        id: 'azure.sign-in',
        outcome: 'fail',
        detail: `${cause}. ${(0,read_error/* describeReadError */.U)(session.error)}.`,
        fix,
        evidence: {
            ...(0,read_error/* readErrorEvidence */.G)(session.error),
            method: signIn.method,
            aadsts: code,
            presented: signIn.presented
        }
    };
}
/**
 * Entra's error codes, as Microsoft documents them (reference-error-codes, workload identity
 * federation troubleshooting) and as they appear in Entra's answers.
 */
function diagnose(signIn, error, code) {
    const app = signIn.clientId ?? '(azure-client-id)';
    const tenant = signIn.tenantId ?? '(azure-tenant-id)';
    const presented = presentedClaims(signIn.presented, error.message);
    // The Azure clients' answer guard (answer-guard-policy.ts) words a throttled token request so;
    // Entra's own code there (e.g. AADSTS90033, "a transient error") is nothing to look up.
    const throttled = /Entra throttled the token request \(HTTP 429\)(?: and asked to wait (\d+) s)?/.exec(error.message);
    if (throttled) {
        const wait = throttled[1];
        return {
            cause: `Entra throttled the sign-in (HTTP 429)${wait ? ` and asked to wait ${wait} s (Retry-After)` : ''}`,
            fix: `Re-run the job after ${wait ? `${wait} s` : 'a few minutes'}. If many jobs sign in with app ${app} at once (a matrix, several schedules), spread them out, e.g. with \`strategy.max-parallel\` or different schedule times.`
        };
    }
    switch (code) {
        case 700016:
            return {
                cause: `Entra has no application with client id ${app} in tenant ${tenant} (AADSTS700016)`,
                fix: `Set azure-client-id to the app registration's Application (client) ID and azure-tenant-id to the Directory (tenant) ID it is registered in; this lists the apps of the signed-in tenant: \`az ad app list --query "[].{name:displayName, appId:appId}" -o table\``
            };
        case 90002:
            return {
                cause: `Entra has no tenant ${tenant} (AADSTS90002)`,
                fix: 'Set azure-tenant-id to the Directory (tenant) ID of the tenant that holds the vault and the app registration: `az account show --query tenantId -o tsv`'
            };
        case 70021:
        case 700213:
        case 7002138:
            return {
                cause: `No federated credential of app ${app} matches the subject this run presented, ${presented.subject ?? '(unknown)'} (AADSTS${code}; matching is case-sensitive)`,
                fix: federatedCredentialFix(app, presented, 'subject')
            };
        case 700211:
            return {
                cause: `No federated credential of app ${app} has the issuer this run presented, ${presented.issuer ?? '(unknown)'} (AADSTS700211)`,
                fix: federatedCredentialFix(app, presented, 'issuer')
            };
        case 700212:
            return {
                cause: `No federated credential of app ${app} has the audience this run presented, ${presented.audience ?? '(unknown)'} (AADSTS700212)`,
                fix: federatedCredentialFix(app, presented, 'audience')
            };
        case 700024:
            return {
                cause: 'Entra found the GitHub ID token expired or not yet valid (AADSTS700024)',
                fix: "Re-run the job; if it repeats on a self-hosted runner, correct the runner's clock."
            };
        case 7000215:
            return {
                cause: `azure-client-secret is not a valid client secret of app ${app} (AADSTS7000215); a common mistake is the secret's ID instead of its Value`,
                fix: `Store a valid secret Value as the secret behind azure-client-secret, e.g. a new one: \`az ad app credential reset --id ${app} --append --display-name aep-cmk-action --query password -o tsv\`; or set azure-auth: oidc, which needs no secret.`
            };
        case 7000222:
            return {
                cause: `The client secret of app ${app} in azure-client-secret has expired (AADSTS7000222)`,
                fix: `Create a new secret and store its Value as the secret behind azure-client-secret: \`az ad app credential reset --id ${app} --append --display-name aep-cmk-action --query password -o tsv\`; or set azure-auth: oidc, which needs no secret and does not expire.`
            };
        case 7000229:
            return {
                cause: `App ${app} has no service principal (enterprise application) in tenant ${tenant} (AADSTS7000229)`,
                fix: `Create it, then give it the Reader role on the vault: \`az ad sp create --id ${app}\``
            };
        case 53003:
            return {
                cause: 'A Conditional Access policy blocked the sign-in (AADSTS53003)',
                fix: `Ask an Entra administrator to exclude app ${app} from the Conditional Access policy that blocks workload identities, or to allow the runner's network.`
            };
    }
    if (code !== undefined) {
        return {
            cause: `Entra refused the sign-in of app ${app} with AADSTS${code}`,
            fix: `Look the code up at https://login.microsoftonline.com/error?code=${code} and check azure-tenant-id, azure-client-id and azure-auth.`
        };
    }
    return diagnoseWithoutCode(signIn, error);
}
/** Failures before Entra answered: the Azure CLI, the ID token, managed identity, the network. */
function diagnoseWithoutCode(signIn, error) {
    const message = error.message;
    // MSAL could not read the tenant's OpenID metadata: Entra answers AADSTS90002 there for a
    // tenant that does not exist, which MSAL reports without the code.
    if (/endpoints_resolution_error/.test(message)) {
        return {
            cause: `Entra's sign-in endpoint for tenant ${signIn.tenantId ?? '(azure-tenant-id)'} could not be read: the tenant does not exist, or the runner cannot reach Entra (MSAL endpoints_resolution_error)`,
            fix: "Check azure-tenant-id, the Directory (tenant) ID of the tenant that holds the vault and the app registration (`az account show --query tenantId -o tsv`), and the runner's network and proxy settings for login.microsoftonline.com."
        };
    }
    // The wording of azureCliTimeout (src/clients/azure/azure-cli-credential.ts).
    const azTimeout = /az account get-access-token did not finish within ([\d.]+) s/.exec(message);
    if (azTimeout) {
        return {
            cause: `azure-auth is cli, but \`az account get-access-token\` did not finish within ${azTimeout[1]} s, so the action stopped it`,
            fix: 'Check that the runner reaches Entra (login.microsoftonline.com, through the proxy in HTTPS_PROXY if it needs one): run `az account get-access-token --output none` in an earlier step of the job to see whether it hangs there too. On a slow network, raise the bound with the environment variable AEP_CMK_HTTP_TIMEOUT_SECONDS (it is the per-try HTTP timeout, 30 s by default); or set azure-auth: oidc with azure-client-id and azure-tenant-id, which needs no Azure CLI.'
        };
    }
    if (/Azure CLI could not be found/i.test(message)) {
        return {
            cause: 'azure-auth is cli, but the Azure CLI is not installed on this runner',
            fix: 'Set azure-auth: oidc with azure-client-id and azure-tenant-id (no Azure CLI needed), or install the Azure CLI and sign in with azure/login@v2 in an earlier step.'
        };
    }
    if (/az login/i.test(message)) {
        return {
            cause: 'azure-auth is cli, but the Azure CLI is not signed in',
            fix: 'Sign in with azure/login@v2 (client-id, tenant-id, subscription-id) in an earlier step of the same job, or set azure-auth: oidc with azure-client-id and azure-tenant-id.'
        };
    }
    if (/ACTIONS_ID_TOKEN_REQUEST|getIDToken|ID Token/i.test(message)) {
        return {
            cause: 'The job could not get a GitHub ID token for the federated credential',
            fix: 'Give the job `permissions: id-token: write` (and `contents: read`); pull requests from forks never get an ID token, so run this from a branch of the repository.'
        };
    }
    if (/ManagedIdentityCredential|managed identity|IMDS/i.test(message)) {
        return {
            cause: 'azure-auth is managed-identity, but this runner has no managed identity',
            fix: 'Use azure-auth: oidc on GitHub-hosted runners; managed-identity works on self-hosted runners in Azure that have one (set azure-client-id for a user-assigned identity).'
        };
    }
    return {
        cause: `Signing in to Azure with azure-auth ${signIn.method} failed`,
        fix: "Re-run the job; if it repeats, check the runner's network and proxy settings for the Entra endpoint, and azure-tenant-id, azure-client-id and azure-auth."
    };
}
/**
 * What the run presented to Entra: the ID token's claims when the action fetched one, else what
 * Entra quotes ("presented assertion subject '...'", or AADSTS70021's "Assertion Subject: '...'").
 */
function presentedClaims(token, message) {
    const quoted = (pattern) => pattern.exec(message)?.[1];
    return {
        subject: token?.subject ??
            quoted(/assertion subject '([^']+)'/i) ??
            quoted(/Assertion Subject: '([^']+)'/),
        issuer: token?.issuer ??
            quoted(/assertion issuer '([^']+)'/i) ??
            quoted(/Assertion Issuer: '([^']+)'/),
        audience: token?.audience ??
            quoted(/assertion audience '([^']+)'/i) ??
            quoted(/Assertion Audience: '([^']+)'/)
    };
}
/**
 * GitHub's immutable subject claims (changelog 2026-04-23; Entra's "Migrate GitHub Actions
 * federated credentials to immutable subjects"): owner and repository carry their numeric ids after
 * an `@`, e.g. repo:contoso@5544123/payments-api@821093847:ref:refs/heads/main. The default for
 * repositories created, renamed or transferred since mid-2026, and for those opted in; not on
 * GitHub Enterprise Server.
 */
const IMMUTABLE_SUBJECT = /^repo:[^/:@]+@\d+\/[^/:@]+@\d+:/;
const IMMUTABLE_NOTE = ". This repository presents GitHub's immutable-id subject (owner and repository ids after @, the default for repositories created, renamed or transferred since mid-2026): a credential made for the name-only subject repo:OWNER/REPO:... does not match it";
const IMMUTABLE_GUESS = "a repository created, renamed or transferred since mid-2026 (or opted in to immutable subject claims) presents repo:OWNER@OWNER_ID/REPO@REPO_ID:... instead (the ids are the runner's GITHUB_REPOSITORY_OWNER_ID and GITHUB_REPOSITORY_ID)";
function federatedCredentialFix(app, presented, mismatch) {
    const subject = presented.subject ?? 'repo:OWNER/REPO:environment:NAME';
    const issuer = presented.issuer ?? GITHUB_ISSUER;
    const parameters = JSON.stringify({
        name: 'github-aep-cmk',
        issuer,
        subject,
        audiences: [TOKEN_EXCHANGE_AUDIENCE]
    });
    const why = {
        subject: presented.subject
            ? `this run's subject ${subject} exactly (the sub claim of its GitHub ID token)${IMMUTABLE_SUBJECT.test(subject) ? IMMUTABLE_NOTE : ''}`
            : `the subject of the job, which this run could not read from its ID token, so it is guessed: repo:OWNER/REPO:environment:NAME for a job with an environment, repo:OWNER/REPO:ref:refs/heads/BRANCH without one; ${IMMUTABLE_GUESS}`,
        issuer: `the issuer ${issuer}`,
        audience: `the audience ${TOKEN_EXCHANGE_AUDIENCE}, which the action asks GitHub for`
    }[mismatch];
    return `Add a federated credential to app ${app} with ${why}: \`az ad app federated-credential create --id ${app} --parameters '${parameters}'\``;
}

;// CONCATENATED MODULE: ./src/checks/definitions/azure-sign-in.ts

const azureSignIn = {
    id: 'azure.sign-in',
    needs: [],
    evaluation: { over: 'facts', evaluate: facts => azureSignInFinding(facts.azureSignIn) },
    rule: {
        short: 'The action can sign in to Azure',
        full: 'Without an Azure token no vault, key or role can be read, so none of the CMK checks can be judged.',
        help: 'Fix the Azure identity the detail names: client or tenant id, the federated credential subject, the client secret, the Azure CLI login or permissions: id-token: write.',
        securitySeverity: 5.0
    },
    nextStep: 'fix how the action signs in to Azure',
    docs: {
        checks: 'Signing in to Azure with `azure-auth`, before any Azure read.',
        why: "Nothing else can be checked without it. Adobe does not need the action's identity, but you need the checks to see a revocation coming.",
        failsWhen: "No Azure token: wrong client or tenant id, a federated credential that does not match this run's subject, an invalid or expired secret, no Azure CLI session, no ID-token permission, no managed identity."
    },
    fix: {
        az: "The detail names the cause from Entra's AADSTS code (and the subject this run presented); the fix names the exact setting, e.g. the `az ad app federated-credential create` command for this run's subject. Every Azure check is skipped until it passes."
    }
};

// EXTERNAL MODULE: ./src/checks/config-checks.ts
var config_checks = __webpack_require__(40629);
;// CONCATENATED MODULE: ./src/checks/definitions/config-key.ts

const configKey = {
    id: 'config.key',
    needs: ['adobe.sign-in'],
    evaluation: {
        over: 'facts',
        evaluate: (facts, ctx) => (0,config_checks/* configKeyFinding */.Fr)(facts.config, facts.vault, ctx.keyName)
    },
    rule: {
        short: 'The Adobe configuration uses this vault and key',
        full: 'The configuration Adobe holds must name the vault and key this workflow guards.',
        help: 'Point key-vault-name and key-name at the configured vault and key, or set config-name to the configuration of this key.',
        securitySeverity: 8.0
    },
    nextStep: 'point the action at the configured vault and key',
    docs: {
        checks: 'Whether an existing configuration points at this vault and key. It compares the vault host and the key name, case-insensitively, and ignores the key version (Adobe stores the vault and key name, not the version).',
        why: 'Adobe keeps one vault and key per configuration: a configuration pointing elsewhere means Adobe is not using the key you check.',
        failsWhen: 'The configuration points at another vault or key.',
        warnsWhen: 'The configuration could not be read, or it names no vault or key.'
    },
    fix: {
        az: 'Set `key-vault-name` and `key-name` to the configured vault and key, or set `config-name` to a new configuration name: Adobe keeps one vault and key per configuration. Check the configuration in the Experience Platform UI (Encryption > Customer Managed Keys).'
    }
};

;// CONCATENATED MODULE: ./src/checks/definitions/config-status.ts
const configStatus = {
    id: 'config.status',
    needs: ['adobe.sign-in'],
    // Decided after setup acted, by configStatusFinding (config-checks.ts), from the status seen last.
    evaluation: { over: 'run-end' },
    rule: {
        short: 'The Adobe CMK configuration is COMPLETED',
        full: 'Customer-managed keys are in force only once the Adobe configuration has completed.',
        help: 'Fix the failed checks and run the action with mode: setup, then wait for COMPLETED.',
        securitySeverity: 7.5
    },
    nextStep: 'look at the configuration status',
    docs: {
        checks: "The Adobe configuration's status, at the end of the run.",
        why: 'COMPLETED means Adobe encrypts with your key. FAILED or a configuration stuck in progress means it does not.',
        failsWhen: '`FAILED`. In `setup`: no configuration (checks failed, so nothing was submitted), or one still in progress, either because checks failed (setup does not follow it then) or because `wait-timeout-seconds` ran out. In `check`: anything other than `COMPLETED`. In every mode but `validate`: the status could not be read (`UNKNOWN`).',
        warnsWhen: 'In `validate`: `FAILED`, still in progress, or `UNKNOWN`.'
    },
    fix: {
        az: "`FAILED`: Adobe could not use the key. Check that the key is enabled and not expired, that the CMK app holds Key Vault Crypto Service Encryption User on the vault, and that the vault's network lets it through, then re-run `setup`, which submits again. Timed out: re-run later. The action does not submit twice and picks up the status. You can also raise `wait-timeout-seconds`. Missing in `check`: run `setup`, or set `config-name` to the name used when CMK was first enabled. `UNKNOWN`: check `config-name`, `adobe-org-id`, `adobe-region` and the Adobe credential."
    }
};

// EXTERNAL MODULE: ./src/checks/key-checks.ts
var key_checks = __webpack_require__(69986);
// EXTERNAL MODULE: ./src/checks/key-commands.ts
var key_commands = __webpack_require__(32713);
;// CONCATENATED MODULE: ./src/checks/definitions/key-active.ts



const DATES_TERRAFORM = [
    'not_before_date = "<a date in the past, e.g. 2025-01-01T00:00:00Z>"',
    'expiration_date = "<a date a year away, e.g. 2027-01-01T00:00:00Z>" # never remove it: that forces a new key'
];
const DATES_BICEP = [
    'attributes: {',
    "  nbf: dateTimeToEpoch('<a date in the past, e.g. 2025-01-01T00:00:00Z>')",
    "  exp: dateTimeToEpoch('<a date a year away, e.g. 2027-01-01T00:00:00Z>')",
    '}'
];
const keyActive = {
    id: 'key.active',
    needs: ['key.found'],
    evaluation: { over: 'key', evaluate: key_checks/* keyActiveFinding */.bE },
    rule: {
        short: 'The key is active (not before its activation date, not expired)',
        full: 'An expired or not yet active key cannot be used; Adobe treats an expired key as revoked.',
        help: 'Set a valid activation and expiry date, or rotate to a new key version.',
        securitySeverity: 9.5
    },
    nextStep: "fix the key's activation or expiry date",
    docs: {
        checks: 'Activation (`nbf`) and expiry (`exp`) dates.',
        why: 'A key that is not yet active or already expired cannot be used: Adobe treats an expired key as revoked.',
        failsWhen: 'The activation date is in the future, or the expiry date has passed.',
        warnsWhen: 'ARM answers an activation or expiry date no key can have (outside the years 1 to 9999, e.g. an `exp` of 1e13 seconds); the detail quotes it.'
    },
    adobeAlert: 'key-access-disabled',
    fix: {
        az: `Not active yet: wait, or \`az keyvault key set-attributes … --not-before <now>\`. Expired: \`az keyvault key set-attributes … --expires <date>\`, or rotate the key. In the portal: Key vaults > \`<vault>\` > Objects > Keys > \`<key>\` > its current version: Set activation date or Set expiration date, then Save. ${key_commands/* DATA_PLANE_DOC */.tU}`,
        // azurerm v5.2.0 key_vault_key / ..._managed_hardware_security_module_key: not_before_date,
        // expiration_date (RFC 3339, updated in place; removing expiration_date forces a new key).
        // Bicep reference vaults/keys, managedHSMs/keys 2025-05-01: attributes.nbf, attributes.exp
        // (seconds since 1970; dateTimeToEpoch converts).
        terraform: terraformKey('vault', DATES_TERRAFORM),
        bicep: bicepKey('vault', DATES_BICEP),
        managedHsm: {
            terraform: terraformKey('managed-hsm', DATES_TERRAFORM),
            bicep: bicepKey('managed-hsm', DATES_BICEP)
        }
    }
};

;// CONCATENATED MODULE: ./src/checks/definitions/key-enabled.ts



const ENABLED = ['attributes: {', '  enabled: true', '}'];
function noEnabledArgument(resource) {
    return [
        `# ${resource} has no enabled argument:`,
        '# azurerm creates keys enabled and does not see a key disabled outside Terraform, so no',
        '# plan re-enables it. Enable it with the az command.'
    ].join('\n');
}
const keyEnabled = {
    id: 'key.enabled',
    needs: ['key.found'],
    evaluation: { over: 'key', evaluate: key_checks/* keyEnabledFinding */.iB },
    rule: {
        short: 'The key is enabled',
        full: 'Adobe treats a disabled key as deliberate revocation and purges the org data per its SLA.',
        help: 'Enable the key: az keyvault key set-attributes --vault-name <vault> --name <key> --enabled true.',
        securitySeverity: 9.5
    },
    nextStep: 'enable the key',
    docs: {
        checks: "The latest version's `enabled` attribute.",
        why: 'A disabled key is treated as deliberate revocation: Adobe purges the data per its SLA.',
        failsWhen: 'The key is disabled.'
    },
    adobeAlert: 'key-access-disabled',
    fix: {
        az: `\`az keyvault key set-attributes --vault-name <vault> --name <key> --enabled true\` (Managed HSM: \`--hsm-name <hsm>\`), or in the portal: Key vaults > \`<vault>\` > Objects > Keys > \`<key>\` > its current version: set Enabled, then Save. ${key_commands/* DATA_PLANE_DOC */.tU}`,
        // azurerm v5.2.0 key_vault_key.html.markdown lists no enabled argument; key_vault_key_resource.go
        // sends enabled = true on create and update but does not read it back, so no plan shows it.
        terraform: noEnabledArgument('azurerm_key_vault_key'),
        // Bicep reference, vaults/keys 2025-05-01: properties.attributes.enabled (first version only).
        bicep: bicepKey('vault', ENABLED),
        managedHsm: {
            // azurerm v5.2.0 key_vault_managed_hardware_security_module_key: no enabled argument either.
            terraform: noEnabledArgument(`${AZURERM_HSM}_key`),
            bicep: bicepKey('managed-hsm', ENABLED)
        }
    }
};

;// CONCATENATED MODULE: ./src/checks/definitions/key-expiry.ts



const EXPIRY_TERRAFORM = [
    'expiration_date = "<a date a year away, e.g. 2027-01-01T00:00:00Z>" # and a rotation_policy (key.rotation)'
];
const EXPIRY_BICEP = [
    'attributes: {',
    "  exp: dateTimeToEpoch('<a date a year away, e.g. 2027-01-01T00:00:00Z>')",
    '}'
];
const keyExpiry = {
    id: 'key.expiry',
    needs: ['key.found'],
    evaluation: { over: 'key', evaluate: key_checks/* keyExpiryFinding */.S4 },
    rule: {
        short: 'The key does not expire soon',
        full: 'A key that expires within min-key-validity-days will soon be treated as revoked by Adobe.',
        help: 'Extend the expiry date or rotate the key, and add a rotation policy that rotates before expiry.',
        securitySeverity: 8.5
    },
    nextStep: "extend the key's expiry date or rotate the key",
    docs: {
        checks: 'Time left until the expiry date (a key without one passes).',
        why: 'An expired key is revocation. This check fails while there is still time to extend the date or rotate.',
        failsWhen: 'The key expires within `min-key-validity-days`.',
        warnsWhen: 'ARM answers an expiry date no key can have (outside the years 1 to 9999, e.g. an `exp` of 1e13 seconds); the detail quotes it.'
    },
    fix: {
        az: `Extend the expiry date with \`az keyvault key set-attributes --vault-name <vault> --name <key> --expires <date>\` (the suggested date is a year away, or longer if \`min-key-validity-days\` needs it), or rotate the key. In the portal: Key vaults > \`<vault>\` > Objects > Keys > \`<key>\` > its current version: Set expiration date, then Save. ${key_commands/* DATA_PLANE_DOC */.tU}`,
        // azurerm v5.2.0 key_vault_key / ..._managed_hardware_security_module_key: expiration_date
        // (updated in place when moved later); Bicep reference vaults/keys, managedHSMs/keys
        // 2025-05-01: attributes.exp (seconds since 1970).
        terraform: terraformKey('vault', EXPIRY_TERRAFORM),
        bicep: bicepKey('vault', EXPIRY_BICEP),
        managedHsm: {
            terraform: terraformKey('managed-hsm', EXPIRY_TERRAFORM),
            bicep: bicepKey('managed-hsm', EXPIRY_BICEP)
        }
    }
};

;// CONCATENATED MODULE: ./src/checks/definitions/key-found.ts



const NOT_FOUND = ['Not found: declare the key.'];
const REFUSED = ["Refused: the action's identity reads the key through ARM with Reader."];
function both(first, second) {
    return `${first}\n\n${second}`;
}
/** A new key for "not found", the Reader role the action's identity needs for "refused". */
function codeForms(kind) {
    return {
        terraform: both(terraformKey(kind, newKeyTerraform(kind), NOT_FOUND), terraformRoleAssignment(kind, READER_FOR_THE_ACTION, REFUSED)),
        bicep: both(bicepKey(kind, newKeyBicep(kind), NOT_FOUND), bicepRoleAssignment(kind, READER_FOR_THE_ACTION, REFUSED))
    };
}
const keyFound = {
    id: 'key.found',
    needs: ['vault.found'],
    evaluation: {
        over: 'vault',
        evaluate: (vault, ctx, facts) => facts.key === undefined
            ? {
                id: 'key.found',
                outcome: 'warn',
                detail: `Key ${ctx.keyName} was not looked up.`,
                fix: 'Re-run the job; this is a bug in the action if it repeats.',
                evidence: { key: null }
            }
            : (0,key_checks/* keyFoundFinding */.D3)(facts.key, vault, (0,key_checks/* keyContext */.Zx)(ctx, vault))
    },
    rule: {
        short: 'The key exists and can be read',
        full: 'A missing or unreadable key is a revoked key for Adobe: the org data can no longer be decrypted.',
        help: 'Check key-name, create the key (RSA, wrapKey and unwrapKey) or recover a soft-deleted one, and give the job identity read access.',
        securitySeverity: 9.1
    },
    nextStep: 'make the key readable',
    docs: {
        checks: "The key's latest version and attributes through ARM (`Microsoft.KeyVault/vaults/keys`, `keys.get`): a management-plane read that the vault firewall does not apply to. Its rotation policy from the same answer, else from the data plane, best effort.",
        why: 'Adobe wraps its data keys with this key; a missing key is revocation.',
        failsWhen: 'The key does not exist or cannot be read.'
    },
    adobeAlert: 'key-access-disabled',
    fix: {
        az: `Not found: check \`key-name\`, or create the key: \`az keyvault key create --vault-name <vault> --name <key> --kty RSA --size <min-key-size> --ops wrapKey unwrapKey\`. Recover a soft-deleted key with \`az keyvault key recover --vault-name <vault> --name <key>\` (portal: Key vaults > \`<vault>\` > Objects > Keys > Manage deleted keys). ${key_commands/* DATA_PLANE_DOC */.tU} Refused: give the action's identity Reader on the vault (the action \`Microsoft.KeyVault/vaults/keys/read\`); no data-plane role is needed.`,
        // Not found: the key as a new resource, which Bicep can create too (it does not exist yet);
        // refused: the Reader role the action's identity needs (code-forms.ts for the sources).
        ...codeForms('vault'),
        managedHsm: codeForms('managed-hsm')
    }
};

;// CONCATENATED MODULE: ./src/checks/definitions/key-operations.ts



const KEY_OPTS = ['key_opts = ["wrapKey", "unwrapKey"] # and the key\'s other operations'];
const KEY_OPS = ['keyOps: [', "  'wrapKey'", "  'unwrapKey' // and the key's other operations", ']'];
const keyOperations = {
    id: 'key.operations',
    needs: ['key.found'],
    evaluation: { over: 'key', evaluate: key_checks/* keyOperationsFinding */.XO },
    rule: {
        short: 'The key permits wrapKey and unwrapKey',
        full: 'Adobe wraps and unwraps data keys with this key; without both operations encryption fails.',
        help: 'Allow the operations: az keyvault key set-attributes --vault-name <vault> --name <key> --ops wrapKey unwrapKey.',
        securitySeverity: 9.1
    },
    nextStep: 'allow wrapKey and unwrapKey on the key',
    docs: {
        checks: 'The permitted operations.',
        why: "The CMK app wraps and unwraps Adobe's data keys; without those operations it cannot.",
        failsWhen: '`wrapKey` or `unwrapKey` is missing.'
    },
    adobeAlert: 'key-access-disabled',
    fix: {
        az: `\`az keyvault key set-attributes --vault-name <vault> --name <key> --ops <current ops> wrapKey unwrapKey\` (Managed HSM: \`--hsm-name <hsm>\`), or in the portal: Key vaults > \`<vault>\` > Objects > Keys > \`<key>\` > its current version: tick wrapKey and unwrapKey under Permitted operations, then Save. ${key_commands/* DATA_PLANE_DOC */.tU}`,
        // azurerm v5.2.0 key_vault_key / ..._managed_hardware_security_module_key: key_opts (updated in
        // place); Bicep reference vaults/keys and managedHSMs/keys 2025-05-01: properties.keyOps.
        terraform: terraformKey('vault', KEY_OPTS),
        bicep: bicepKey('vault', KEY_OPS),
        managedHsm: {
            terraform: terraformKey('managed-hsm', KEY_OPTS),
            bicep: bicepKey('managed-hsm', KEY_OPS)
        }
    }
};

;// CONCATENATED MODULE: ./src/checks/iso-duration.ts
const PATTERN = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
/** Undefined for anything that is not an ISO 8601 duration with at least one field. */
function parseDuration(text) {
    const m = PATTERN.exec(text.trim());
    if (!m || text.trim().toUpperCase() === 'P' || /T$/i.test(text.trim()))
        return undefined;
    const n = (i) => Number(m[i] ?? 0);
    return {
        years: n(1),
        months: n(2),
        days: n(3) * 7 + n(4),
        hours: n(5),
        minutes: n(6),
        seconds: n(7)
    };
}
/** Calendar arithmetic in UTC: a month is a calendar month, as Key Vault counts it. */
function addDuration(date, d, sign = 1) {
    const result = new Date(date.getTime());
    result.setUTCFullYear(result.getUTCFullYear() + sign * d.years);
    result.setUTCMonth(result.getUTCMonth() + sign * d.months);
    result.setUTCDate(result.getUTCDate() + sign * d.days);
    const ms = ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000;
    return new Date(result.getTime() + sign * ms);
}
function subtractDuration(date, d) {
    return addDuration(date, d, -1);
}

// EXTERNAL MODULE: ./src/checks/key-dates.ts
var key_dates = __webpack_require__(46910);
;// CONCATENATED MODULE: ./src/checks/key-rotation-check.ts




/** The rotation policy the fix suggests: rotate well before expiry, notify before that. */
function suggestedRotationPolicy(minKeyValidityDays) {
    const rotateDays = minKeyValidityDays + 30;
    const expiry = rotateDays * 2 < 365 ? 'P1Y' : `P${rotateDays * 2}D`;
    return {
        lifetimeActions: [
            { trigger: { timeBeforeExpiry: `P${rotateDays}D` }, action: { type: 'Rotate' } },
            { trigger: { timeBeforeExpiry: `P${minKeyValidityDays}D` }, action: { type: 'Notify' } }
        ],
        attributes: { expiryTime: expiry }
    };
}
function rotationFix(ctx) {
    const where = ctx.vaultKind === 'managed-hsm' ? '--hsm-name' : '--vault-name';
    return `Save this policy as rotation-policy.json: \`${JSON.stringify(suggestedRotationPolicy(ctx.minKeyValidityDays))}\`, then \`az keyvault key rotation-policy update ${where} ${ctx.keyVaultName} --name ${ctx.keyName} --value rotation-policy.json\` (docs/key-rotation.md explains it). ${(0,key_commands/* dataPlaneNote */.nh)(ctx, `${ctx.keyName} > Rotation policy`)}`;
}
/** When a rotate action fires for this key version; undefined when it cannot be told. */
function rotatesAt(action, dates) {
    let at;
    if (action.timeBeforeExpiry) {
        const duration = parseDuration(action.timeBeforeExpiry);
        at = duration && dates.expiresOn ? subtractDuration(dates.expiresOn, duration) : undefined;
    }
    else if (action.timeAfterCreate) {
        const duration = parseDuration(action.timeAfterCreate);
        at = duration && dates.createdOn ? addDuration(dates.createdOn, duration) : undefined;
    }
    // A duration of a million years lands outside any date: that, too, cannot be told.
    return at && Number.isFinite(at.getTime()) ? at : undefined;
}
function describeTrigger(action) {
    if (action.timeBeforeExpiry)
        return `${action.timeBeforeExpiry} before expiry`;
    if (action.timeAfterCreate)
        return `${action.timeAfterCreate} after creation`;
    return 'with no trigger';
}
function isFirewallRefusal(error) {
    return /ForbiddenByFirewall|ForbiddenByConnection|not authorized and caller is not a trusted service|Public network access is disabled/i.test(error.message);
}
function unreadableFinding(error, key, ctx) {
    const hsm = ctx.vaultKind === 'managed-hsm';
    const where = hsm ? `Managed HSM ${ctx.keyVaultName}` : `vault ${ctx.keyVaultName}`;
    const why = isFirewallRefusal(error)
        ? `the firewall of ${where} refused the runner's data-plane request (ARM's key answer carried no policy, so the data plane was asked)`
        : error.kind === 'forbidden'
            ? `the job's Azure identity may not read it on the data plane (ARM's key answer carried no policy, so the data plane was asked)`
            : 'the data-plane read failed';
    const access = hsm
        ? `the local role Managed HSM Crypto Auditor at /keys (\`az keyvault role assignment create --hsm-name ${ctx.keyVaultName} --role "Managed HSM Crypto Auditor" --assignee <azure-client-id> --scope /keys\`)`
        : 'a role with Microsoft.KeyVault/vaults/keys/read on the vault, e.g. Key Vault Reader';
    return {
        id: 'key.rotation',
        outcome: 'warn',
        detail: `The rotation policy of key ${key.name} could not be read: ${why} (${(0,read_error/* describeReadError */.U)(error)}).`,
        fix: isFirewallRefusal(error)
            ? `Run the job from a network the firewall of ${where} allows (or add the runner's address to its IP rules), and give the job's identity ${access}; or check the policy yourself with \`az keyvault key rotation-policy show ${hsm ? '--hsm-name' : '--vault-name'} ${ctx.keyVaultName} --name ${key.name}\`.`
            : `Give the job's Azure identity ${access}; or check the policy yourself with \`az keyvault key rotation-policy show ${hsm ? '--hsm-name' : '--vault-name'} ${ctx.keyVaultName} --name ${key.name}\`.`,
        evidence: (0,read_error/* readErrorEvidence */.G)(error)
    };
}
/**
 * key.rotation (a warning check): Adobe keeps the key name, not the version, and treats an expired
 * key as revoked. A key with an expiry date is safe only when a Rotate action of its rotation
 * policy fires at least min-key-validity-days before that date: timeBeforeExpiry directly, or
 * timeAfterCreate counted from the current version's creation. A key without expiry only needs a
 * policy at all.
 */
function keyRotationFinding(key, ctx) {
    const read = key.rotationPolicy;
    if (!read.ok)
        return unreadableFinding(read.error, key, ctx);
    const policy = read.value;
    const keyDated = (0,key_dates/* keyDates */.L)(key, ['expiresOn', 'createdOn']);
    if (!keyDated.ok)
        return (0,key_dates/* unusableDatesFinding */.G)('key.rotation', key, keyDated.unusable, ctx);
    const dates = keyDated.dates;
    const rotations = (policy?.lifetimeActions ?? []).filter(a => a.action.toLowerCase() === 'rotate');
    const evidence = {
        expiresOn: dates.expiresOn?.toISOString() ?? null,
        createdOn: dates.createdOn?.toISOString(),
        minKeyValidityDays: ctx.minKeyValidityDays,
        policy: policy && {
            source: policy.source,
            expiryTime: policy.expiryTime,
            lifetimeActions: policy.lifetimeActions
        }
    };
    if (!dates.expiresOn) {
        if (policy) {
            return {
                id: 'key.rotation',
                outcome: 'pass',
                detail: `Key ${key.name} has no expiry date and a rotation policy (${rotations.length ? `rotate ${rotations.map(describeTrigger).join(', ')}` : 'no Rotate action'}).`,
                evidence
            };
        }
        return {
            id: 'key.rotation',
            outcome: 'warn',
            detail: `Key ${key.name} has no expiry date and no rotation policy at all, so it is never rotated.`,
            fix: rotationFix(ctx),
            evidence
        };
    }
    const expires = dates.expiresOn;
    const minMs = ctx.minKeyValidityDays * key_commands/* DAY_MS */.sO;
    const timed = rotations.map(action => ({ action, at: rotatesAt(action, dates) }));
    const inTime = timed.find(t => t.at !== undefined && expires.getTime() - t.at.getTime() >= minMs);
    evidence.rotations = timed.map(t => ({
        trigger: describeTrigger(t.action),
        rotatesAt: t.at?.toISOString() ?? null
    }));
    if (inTime?.at) {
        const lead = Math.floor((expires.getTime() - inTime.at.getTime()) / key_commands/* DAY_MS */.sO);
        return {
            id: 'key.rotation',
            outcome: 'pass',
            detail: `Key ${key.name} expires on ${expires.toISOString()}; its rotation policy rotates it ${describeTrigger(inTime.action)}, on ${inTime.at.toISOString()}, ${lead} days before (min-key-validity-days ${ctx.minKeyValidityDays}).`,
            evidence
        };
    }
    let detail;
    if (!policy)
        detail = `Key ${key.name} expires on ${expires.toISOString()} and has no rotation policy`;
    else if (rotations.length === 0)
        detail = `Key ${key.name} expires on ${expires.toISOString()} and its rotation policy has no Rotate action`;
    else if (timed.every(t => t.at === undefined))
        detail = `Key ${key.name} expires on ${expires.toISOString()}, but when its rotation policy rotates it (${rotations.map(describeTrigger).join(', ')}) cannot be told${dates.createdOn ? '' : ' (the version has no creation date)'}`;
    else
        detail = `Key ${key.name} expires on ${expires.toISOString()}, but its rotation policy rotates it ${timed.map(t => `${describeTrigger(t.action)} (${t.at?.toISOString() ?? 'unknown'})`).join(', ')}, less than min-key-validity-days ${ctx.minKeyValidityDays} before`;
    return {
        id: 'key.rotation',
        outcome: 'warn',
        detail: `${detail}: Adobe treats an expired key as revoked.`,
        fix: rotationFix(ctx),
        evidence
    };
}

;// CONCATENATED MODULE: ./src/checks/definitions/key-rotation.ts



const ROTATION_POLICY = [
    'rotationPolicy: {',
    '  attributes: {',
    "    expiryTime: 'P1Y'",
    '  }',
    '  lifetimeActions: [',
    '    {',
    "      action: { type: 'rotate' }",
    "      trigger: { timeBeforeExpiry: 'P60D' } // min-key-validity-days + 30",
    '    }',
    '    {',
    "      action: { type: 'notify' }",
    "      trigger: { timeBeforeExpiry: 'P30D' } // min-key-validity-days",
    '    }',
    '  ]',
    '}'
];
const keyRotation = {
    id: 'key.rotation',
    needs: ['key.found'],
    evaluation: { over: 'key', evaluate: keyRotationFinding },
    rule: {
        short: 'A rotation policy rotates the key before it expires',
        full: 'Adobe keeps the vault and key name, not the version, so a policy that rotates well before expiry keeps the key valid without anyone acting.',
        help: 'Add a rotation policy with a rotate action at least min-key-validity-days before expiry: az keyvault key rotation-policy update.',
        securitySeverity: 5.0
    },
    nextStep: 'give the key a rotation policy that rotates it before it expires',
    docs: {
        checks: "The key's rotation policy (from ARM's key answer, else the data plane): when a `Rotate` action fires against the expiry date (`timeBeforeExpiry`, or `timeAfterCreate` counted from the version's creation).",
        why: 'Adobe treats an expired key as revoked and purges the data; a policy that rotates well before expiry keeps a valid version in place. Adobe stores the key name, not the version, so a rotated version is picked up without a new configuration.',
        failsWhen: 'never; it only warns.',
        warnsWhen: 'No `Rotate` action fires at least `min-key-validity-days` before the expiry date, a key without expiry has no policy at all, the policy could not be read (the detail says why, e.g. the vault firewall), or ARM answers an expiry or creation date no key can have (the detail quotes it).'
    },
    fix: {
        az: `Set a policy that rotates well before expiry: \`az keyvault key rotation-policy update --vault-name <vault> --name <key> --value rotation-policy.json\` (Managed HSM: \`--hsm-name\`), with the policy file shown in [docs/key-rotation.md](key-rotation.md). In the portal: Key vaults > \`<vault>\` > Objects > Keys > \`<key>\` > Rotation policy. ${key_commands/* DATA_PLANE_DOC */.tU}`,
        // azurerm v5.2.0 key_vault_key.html.markdown: rotation_policy { expire_after, automatic {
        // time_before_expiry }, notify_before_expiry } (set through the data plane, in place).
        terraform: terraformKey('vault', [
            'rotation_policy {',
            '  automatic {',
            '    time_before_expiry = "P60D" # min-key-validity-days + 30',
            '  }',
            '  expire_after = "P1Y"',
            '  notify_before_expiry = "P30D" # min-key-validity-days',
            '}'
        ]),
        // Bicep reference, vaults/keys 2025-05-01: properties.rotationPolicy { attributes.expiryTime,
        // lifetimeActions[] { action.type rotate | notify, trigger.timeBeforeExpiry } }.
        bicep: bicepKey('vault', ROTATION_POLICY),
        managedHsm: {
            // azurerm v5.2.0 key_vault_managed_hardware_security_module_key_rotation_policy: a resource
            // of its own (managed_hsm_key_id, expire_after, time_before_expiry); it has no notify action.
            terraform: terraformResource(`${AZURERM_HSM}_key_rotation_policy`, [
                `managed_hsm_key_id = ${AZURERM_HSM}_key.cmk.id`,
                'time_before_expiry = "P60D" # min-key-validity-days + 30',
                'expire_after = "P1Y"'
            ], [
                'azurerm writes it through the data plane: apply from an address the HSM firewall allows,',
                'as an identity with the local role Managed HSM Crypto User.'
            ]),
            // Bicep reference, managedHSMs/keys 2025-05-01: properties.rotationPolicy, as for a vault.
            bicep: bicepKey('managed-hsm', ROTATION_POLICY)
        }
    }
};

;// CONCATENATED MODULE: ./src/checks/definitions/key-size.ts



const KEY_SIZE = ['key_size = 3072 # at least min-key-size'];
const REPLACES = [
    'key_size forces replacement: changed alone, it makes Terraform delete the key Adobe uses.',
    'Add the new version with the az command first (azurerm reads the latest version), then',
    'match it here so that the plan shows no change.'
];
const keySize = {
    id: 'key.size',
    needs: ['key.found'],
    evaluation: { over: 'key', evaluate: key_checks/* keySizeFinding */.uf },
    rule: {
        short: 'The RSA key is large enough',
        full: 'The RSA modulus must be at least min-key-size bits.',
        help: 'Create a new key of at least min-key-size bits and point key-name at it.',
        securitySeverity: 7.0
    },
    nextStep: 'use a larger RSA key',
    docs: {
        checks: 'The RSA modulus length.',
        why: 'Adobe and most security baselines want at least 3072-bit RSA keys.',
        failsWhen: 'The modulus is smaller than `min-key-size`, or the key has none.',
        warnsWhen: 'ARM answers a `keySize` no RSA key has (not a whole number, or over 16384 bits).'
    },
    fix: {
        az: `Create a new version with a larger modulus: \`az keyvault key create --vault-name <vault> --name <key> --kty RSA --size <min-key-size> --ops wrapKey unwrapKey\` (\`RSA-HSM\` for an HSM key). In the portal: Key vaults > \`<vault>\` > Objects > Keys > \`<key>\` > New Version. ${key_commands/* DATA_PLANE_DOC */.tU}`,
        // azurerm v5.2.0 key_vault_key / ..._managed_hardware_security_module_key: key_size, ForceNew
        // in both schemas; Bicep reference vaults/keys, managedHSMs/keys 2025-05-01: properties.keySize.
        terraform: terraformKey('vault', KEY_SIZE, REPLACES),
        bicep: bicepKey('vault', ['keySize: 3072 // at least min-key-size']),
        managedHsm: {
            terraform: terraformKey('managed-hsm', KEY_SIZE, REPLACES),
            bicep: bicepKey('managed-hsm', ['keySize: 3072 // at least min-key-size'])
        }
    }
};

;// CONCATENATED MODULE: ./src/checks/definitions/key-type.ts



const key_type_REPLACES = [
    'key_type forces replacement: changed alone, it makes Terraform delete the key Adobe uses.',
    'Add the new version with the az command first (azurerm reads the latest version), then',
    'match it here so that the plan shows no change.'
];
const keyType = {
    id: 'key.type',
    needs: ['key.found'],
    evaluation: { over: 'key', evaluate: key_checks/* keyTypeFinding */.vv },
    rule: {
        short: 'The key is an RSA key',
        full: 'Adobe wraps data keys with RSA keys (RSA or RSA-HSM); with require-hsm the key must be HSM-backed.',
        help: 'Create an RSA key (RSA-HSM when HSM-backed keys are required) and point key-name at it.',
        securitySeverity: 7.5
    },
    nextStep: 'use an RSA key',
    docs: {
        checks: 'The key type.',
        why: 'Adobe needs an RSA key (RSA or RSA-HSM) to wrap and unwrap its data keys.',
        failsWhen: 'The type is not `RSA` or `RSA-HSM`.'
    },
    fix: {
        az: `A key's type cannot change: create an RSA version (\`az keyvault key create … --kty RSA --size <min-key-size> --ops wrapKey unwrapKey\`) or use another \`key-name\`. In the portal: Key vaults > \`<vault>\` > Objects > Keys > \`<key>\` > New Version. ${key_commands/* DATA_PLANE_DOC */.tU}`,
        // azurerm v5.2.0 key_vault_key / ..._managed_hardware_security_module_key: key_type, ForceNew
        // in both schemas; Bicep reference vaults/keys, managedHSMs/keys 2025-05-01: properties.kty.
        terraform: terraformKey('vault', ['key_type = "RSA-HSM" # or "RSA" without require-hsm'], key_type_REPLACES),
        bicep: bicepKey('vault', ["kty: 'RSA-HSM' // or 'RSA' without require-hsm"]),
        managedHsm: {
            terraform: terraformKey('managed-hsm', ['key_type = "RSA-HSM"'], key_type_REPLACES),
            bicep: bicepKey('managed-hsm', ["kty: 'RSA-HSM'"])
        }
    }
};

// EXTERNAL MODULE: ./src/checks/vault-checks.ts
var vault_checks = __webpack_require__(18359);
;// CONCATENATED MODULE: ./src/checks/definitions/vault-adobe-ip.ts


const vaultAdobeIp = {
    id: 'vault.adobe-ip',
    needs: ['vault.found'],
    evaluation: { over: 'vault', evaluate: vault_checks/* adobeIpFinding */.Kd },
    rule: {
        short: "Adobe's address 20.88.123.53 may reach the vault",
        full: 'Adobe is not an Azure trusted service: behind a firewall it reaches the key only when 20.88.123.53 is allowed; a blocked address prevents key access.',
        help: 'Allow Adobe: az keyvault network-rule add --name <vault> --ip-address 20.88.123.53, and keep public network access enabled. A Managed HSM: open it to all networks, or use its IP network firewall (a preview enabled through a support ticket, at most 10 ranges) with az keyvault network-rule add --hsm-name <hsm>.',
        securitySeverity: 9.1
    },
    nextStep: "allow Adobe's address through the vault firewall",
    docs: {
        checks: "Whether Adobe's documented monitoring address `20.88.123.53` can reach the vault.",
        why: 'Adobe\'s monitoring reaches restricted vaults from 20.88.123.53 and is not an Azure trusted service, so the trusted-services bypass does not let it in: "a blocked IP will prevent key access". Adobe then raises a "Key access failure" alert: a recoverable error, no data is purged, but Platform cannot use the key until the address is allowed.',
        failsWhen: 'The firewall defaults to `Deny` and no IP rule allows `20.88.123.53` (a /32 or a range containing it), or public network access is `Disabled`, in which case IP rules do not apply.'
    },
    adobeAlert: 'key-access-failure',
    fix: {
        az: "`az keyvault network-rule add --name <vault> --ip-address 20.88.123.53`. If public access is `Disabled`, first switch to `--public-network-access Enabled --default-action Deny --bypass AzureServices` with `az keyvault update`. `remediate: adobe-ip` adds the rule for you. A Managed HSM has two ways: public access from all networks (`az keyvault update-hsm --hsm-name <hsm> --public-network-access Enabled --default-action Allow`), or its IP network firewall with Adobe's address (`az keyvault network-rule add --hsm-name <hsm> --ip-address 20.88.123.53`); that firewall is a preview that needs subscription enablement through an Azure support ticket (naming the subscription and region) and holds at most 10 IPv4 ranges.",
        // azurerm v5.2.0 key_vault.html.markdown: public_network_access_enabled, network_acls {
        // bypass, default_action, ip_rules } ("IP Addresses, or CIDR Blocks").
        terraform: terraformVault('vault', [
            'public_network_access_enabled = true # IP rules do not apply while it is false',
            'network_acls {',
            '  bypass = "AzureServices"',
            '  default_action = "Deny"',
            '  ip_rules = ["20.88.123.53"] # Adobe; keep your other rules: this list replaces them',
            '}'
        ]),
        // Bicep reference, Microsoft.KeyVault/vaults 2025-05-01: properties.publicNetworkAccess,
        // properties.networkAcls.ipRules[].value.
        bicep: bicepVault('vault', [
            "publicNetworkAccess: 'Enabled' // IP rules do not apply while it is 'Disabled'",
            'networkAcls: {',
            "  bypass: 'AzureServices'",
            "  defaultAction: 'Deny'",
            '  ipRules: [',
            "    { value: '20.88.123.53' } // Adobe; keep your other rules: this list replaces them",
            '  ]',
            '}'
        ]),
        managedHsm: {
            // azurerm v5.2.0 key_vault_managed_hardware_security_module.html.markdown: its network_acls
            // has bypass and default_action only, no ip_rules; public_network_access_enabled.
            terraform: terraformVault('managed-hsm', [
                'public_network_access_enabled = true',
                'network_acls {',
                '  bypass = "AzureServices"',
                '  default_action = "Allow"',
                '}'
            ], [
                "azurerm cannot set a Managed HSM's IP rules: open it to all networks here, or add",
                "Adobe's address to its preview IP firewall with the az command."
            ]),
            // Bicep reference, Microsoft.KeyVault/managedHSMs 2025-05-01: properties.publicNetworkAccess,
            // properties.networkAcls.ipRules[].value.
            bicep: bicepVault('managed-hsm', [
                "publicNetworkAccess: 'Enabled'",
                'networkAcls: {',
                "  bypass: 'AzureServices'",
                "  defaultAction: 'Deny' // or 'Allow', open to all networks, without the preview firewall",
                '  ipRules: [',
                "    { value: '20.88.123.53' } // the preview IP firewall (support ticket), at most 10 ranges",
                '  ]',
                '}'
            ])
        }
    },
    repair: {
        item: 'adobe-ip',
        permission: {
            vault: 'Microsoft.KeyVault/vaults/write on the vault (e.g. the role Key Vault Contributor on the vault)',
            'managed-hsm': 'Microsoft.KeyVault/managedHSMs/write on the Managed HSM (e.g. the role Managed HSM Contributor on it)'
        }
    }
};

;// CONCATENATED MODULE: ./src/checks/vault-protection-unread.ts

/** "Vault kv-a" or "Managed HSM hsm-a", as the vault.audit-log and vault.delete-lock details start. */
function vaultNamed(vault) {
    return vault.kind === 'managed-hsm' ? `Managed HSM ${vault.name}` : `Vault ${vault.name}`;
}
/**
 * A vault-protection check whose ARM listing could not be read: a warning that says what is not
 * known, and names the permission when the read was refused. Absent facts (not read at all) never
 * come from a run in which the vault was found; they still give a warning, not a crash.
 */
function unreadProtectionFinding(id, vault, read, text) {
    const why = read ? (0,read_error/* describeReadError */.U)(read.error) : 'they were not read';
    return {
        id,
        outcome: 'warn',
        detail: `${vaultNamed(vault)}: its ${text.listing} could not be read (${why}), so ${text.unknown} is not known.`,
        fix: read?.error.kind === 'forbidden'
            ? `Grant the action's Azure identity ${text.permission} on the vault (the Reader role has it), or check by hand: \`${text.command}\`.`
            : `Re-run the job; to check by hand: \`${text.command}\`.`,
        evidence: read ? (0,read_error/* readErrorEvidence */.G)(read.error) : undefined
    };
}

;// CONCATENATED MODULE: ./src/checks/audit-log-check.ts

/** The permission that reads a resource's diagnostic settings; Reader holds it (`*\/read`). */
const DIAGNOSTIC_SETTINGS_READ = 'Microsoft.Insights/diagnosticSettings/read';
/**
 * Azure Policy's built-ins that ask the same (Azure/azure-policy, policyDefinitions/Key Vault):
 * "Resource logs in Key Vault should be enabled" and, for a Managed HSM, "Resource logs in Azure
 * Key Vault Managed HSM should be enabled".
 */
const AUDIT_LOG_POLICY = {
    vault: 'Resource logs in Key Vault should be enabled (cf820ca0-f99e-4f3e-84fb-66e913812d21)',
    'managed-hsm': 'Resource logs in Azure Key Vault Managed HSM should be enabled (a2a5b911-5617-447e-a49e-59dbe0e0434b)'
};
/**
 * Key Vault and Managed HSM have one resource-log category, AuditEvent (Azure Monitor, "Supported
 * logs for Microsoft.KeyVault/vaults" and ".../managedhsms"); the category groups `audit` and
 * `allLogs` include it.
 */
const AUDIT_CATEGORY = 'auditevent';
const AUDIT_GROUPS = ['audit', 'alllogs'];
/** Where a setting sends its logs, as the detail names it; empty when nowhere. */
function destinations(setting) {
    return [
        setting.workspaceId && 'a Log Analytics workspace',
        setting.storageAccountId && 'a storage account',
        setting.eventHubAuthorizationRuleId && 'an event hub',
        // The contract asks for "a destination"; a partner solution (e.g. a SIEM from Azure
        // Marketplace) is one ARM accepts on its own, so it counts too.
        setting.marketplacePartnerId && 'a partner solution'
    ].filter((d) => typeof d === 'string');
}
/** The enabled log entry of a setting that carries the audit events, e.g. "category group audit". */
function auditEntry(setting) {
    for (const log of setting.logs) {
        if (!log.enabled)
            continue;
        if (log.category?.toLowerCase() === AUDIT_CATEGORY)
            return `category ${log.category}`;
        if (log.categoryGroup && AUDIT_GROUPS.includes(log.categoryGroup.toLowerCase()))
            return `category group ${log.categoryGroup}`;
    }
    return undefined;
}
/**
 * `az monitor diagnostic-settings create` (Azure CLI reference; `--resource` takes the id,
 * `--workspace` the Log Analytics workspace's id, `--logs` a JSON list of log settings). A Key
 * Vault gets the `audit` category group (PSRule for Azure's Azure.KeyVault.Logs accepts AuditEvent,
 * audit or allLogs); a Managed HSM gets the AuditEvent category by name, since no Microsoft page
 * found says which category groups a Managed HSM's logs have.
 */
function auditLogCommand(vault) {
    const logs = vault.kind === 'managed-hsm'
        ? '[{"category":"AuditEvent","enabled":true}]'
        : '[{"categoryGroup":"audit","enabled":true}]';
    return `az monitor diagnostic-settings create --name aep-cmk-audit --resource ${vault.id} --workspace <log-analytics-workspace-id> --logs '${logs}'`;
}
function fixFor(vault) {
    return `Send the ${vault.kind === 'managed-hsm' ? "HSM's" : "vault's"} audit logs to a Log Analytics workspace (or a storage account, \`--storage-account\`, or an event hub, \`--event-hub-rule\`): \`${auditLogCommand(vault)}\`. Azure Policy checks the same: ${AUDIT_LOG_POLICY[vault.kind]}.`;
}
/**
 * vault.audit-log: a diagnostic setting sends the vault's audit events (category AuditEvent, or
 * category group audit or allLogs, enabled) to a destination, so that whoever disabled the key or
 * removed the CMK app's role can be found. Settings that cannot be read are a warning that names
 * the permission.
 */
function auditLogFinding(vault, facts) {
    const read = facts.diagnosticSettings;
    if (!read || !read.ok)
        return unreadProtectionFinding('vault.audit-log', vault, read, {
            listing: 'diagnostic settings',
            unknown: 'whether its audit logs are kept',
            permission: DIAGNOSTIC_SETTINGS_READ,
            command: `az monitor diagnostic-settings list --resource ${vault.id}`
        });
    const settings = read.value;
    const evidence = {
        diagnosticSettings: settings.map(s => ({
            name: s.name,
            audit: auditEntry(s),
            destinations: destinations(s)
        }))
    };
    for (const setting of settings) {
        const entry = auditEntry(setting);
        const to = destinations(setting);
        if (entry && to.length > 0)
            return {
                id: 'vault.audit-log',
                outcome: 'pass',
                detail: `${vaultNamed(vault)} sends its audit logs (${entry}) to ${to.join(' and ')} through diagnostic setting ${setting.name}.`,
                evidence
            };
    }
    const found = settings.length === 0
        ? 'has no diagnostic settings'
        : `has ${settings.length} diagnostic ${settings.length === 1 ? 'setting' : 'settings'} (${settings.map(s => s.name).join(', ')}), none of which sends the audit logs (category AuditEvent, or category group audit or allLogs, enabled) to a destination`;
    return {
        id: 'vault.audit-log',
        outcome: 'warn',
        detail: `${vaultNamed(vault)} ${found}: nobody could tell who disabled the key or removed the CMK app's role.`,
        fix: fixFor(vault),
        evidence
    };
}

;// CONCATENATED MODULE: ./src/checks/definitions/vault-audit-log.ts


/** A Managed HSM's audit logs are the AuditEvent category (its docs); a vault's, the audit group. */
function terraformAuditLogs(kind) {
    const [target, log] = kind === 'vault'
        ? [`${AZURERM_VAULT}.cmk.id`, 'category_group = "audit"']
        : [`${AZURERM_HSM}.cmk.id`, 'category = "AuditEvent"'];
    return terraformResource('azurerm_monitor_diagnostic_setting', [
        'name = "aep-cmk-audit"',
        `target_resource_id = ${target}`,
        'log_analytics_workspace_id = "<log analytics workspace id>" # or storage_account_id, eventhub_authorization_rule_id',
        'enabled_log {',
        `  ${log}`,
        '}'
    ]);
}
function bicepAuditLogs(kind) {
    const [scope, log] = kind === 'vault' ? ['vault', "categoryGroup: 'audit'"] : ['hsm', "category: 'AuditEvent'"];
    return bicepResource('auditLogs', 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview', [
        "name: 'aep-cmk-audit'",
        `scope: ${scope}`,
        'properties: {',
        "  workspaceId: '<log analytics workspace id>' // or storageAccountId, eventHubAuthorizationRuleId",
        '  logs: [',
        '    {',
        `      ${log}`,
        '      enabled: true',
        '    }',
        '  ]',
        '}'
    ], [parentNote(kind)]);
}
const vaultAuditLog = {
    id: 'vault.audit-log',
    needs: ['vault.found'],
    evaluation: { over: 'vault', evaluate: (vault, _ctx, facts) => auditLogFinding(vault, facts) },
    rule: {
        short: "The vault's audit logs are kept",
        full: "Without a diagnostic setting that sends the AuditEvent logs somewhere, nobody can tell who disabled the key or removed the CMK app's role the night Adobe lost access.",
        help: `Add a diagnostic setting with the audit category group (or AuditEvent) to a Log Analytics workspace, storage account or event hub: az monitor diagnostic-settings create --resource <vault id> --workspace <workspace id> --logs '[{"categoryGroup":"audit","enabled":true}]'. Azure Policy checks the same: ${AUDIT_LOG_POLICY.vault}; Managed HSM: ${AUDIT_LOG_POLICY['managed-hsm']}.`,
        // A warning: code scanning never shows it above medium.
        securitySeverity: 5.0
    },
    nextStep: "send the vault's audit logs to a Log Analytics workspace",
    docs: {
        checks: `The vault's diagnostic settings (\`Microsoft.Insights/diagnosticSettings\` on its resource id): one with the category \`AuditEvent\`, or the category group \`audit\` or \`allLogs\`, enabled, sending to a Log Analytics workspace, a storage account, an event hub or a partner solution. Reading them needs \`${DIAGNOSTIC_SETTINGS_READ}\` (Reader has it).`,
        why: `Adobe treats a disabled key or a removed role as revocation. The vault's audit logs are what tells who did it and when; Azure Policy asks for them too ("${AUDIT_LOG_POLICY.vault}"; for a Managed HSM, "${AUDIT_LOG_POLICY['managed-hsm']}").`,
        failsWhen: 'never; it only warns.',
        warnsWhen: 'No diagnostic setting sends the audit logs to a destination, or the settings could not be read (the detail says why and names the permission).'
    },
    fix: {
        az: 'Send the audit logs to a Log Analytics workspace (or `--storage-account`, `--event-hub-rule`): `az monitor diagnostic-settings create --name aep-cmk-audit --resource <vault-resource-id> --workspace <log-analytics-workspace-id> --logs \'[{"categoryGroup":"audit","enabled":true}]\'` (Managed HSM: `--logs \'[{"category":"AuditEvent","enabled":true}]\'`).',
        // azurerm v5.2.0 monitor_diagnostic_setting.html.markdown: name, target_resource_id,
        // log_analytics_workspace_id (or storage_account_id, eventhub_authorization_rule_id), and an
        // enabled_log block with category or category_group.
        terraform: terraformAuditLogs('vault'),
        // Bicep resource reference, Microsoft.Insights/diagnosticSettings@2021-05-01-preview (an
        // extension resource: `scope`), properties.workspaceId (or storageAccountId,
        // eventHubAuthorizationRuleId) and properties.logs[] {categoryGroup | category, enabled}.
        bicep: bicepAuditLogs('vault'),
        managedHsm: {
            terraform: terraformAuditLogs('managed-hsm'),
            bicep: bicepAuditLogs('managed-hsm')
        }
    }
};

;// CONCATENATED MODULE: ./src/checks/delete-lock-check.ts

/** The permission that reads management locks; Reader holds it (`*\/read`). */
const LOCKS_READ = 'Microsoft.Authorization/locks/read';
/** Both lock levels stop a deletion (ARM, "Lock your resources"); NotSpecified is no lock. */
const STOPS_DELETION = ['cannotdelete', 'readonly'];
const WHERE = {
    vault: 'on the vault itself',
    'resource-group': 'on its resource group',
    subscription: 'on its subscription'
};
/** The resource group in a vault's id (`/subscriptions/<s>/resourceGroups/<rg>/...`). */
function resourceGroupOf(vaultId) {
    return /\/resourceGroups\/([^/]+)\//i.exec(vaultId)?.[1] ?? '<resource-group>';
}
/**
 * `az lock create` on the vault, in the form Azure's lock documentation shows for a resource
 * (`--name`, `--lock-type`, `--resource-group`, `--resource-type`, `--resource`).
 */
function deleteLockCommand(vault, subscriptionId) {
    const type = vault.kind === 'managed-hsm' ? 'Microsoft.KeyVault/managedHSMs' : 'Microsoft.KeyVault/vaults';
    return `az lock create --subscription ${subscriptionId} --name aep-cmk-no-delete --lock-type CanNotDelete --resource-group ${resourceGroupOf(vault.id)} --resource-type ${type} --resource ${vault.name}`;
}
/**
 * vault.delete-lock: a CanNotDelete or ReadOnly lock on the vault, its resource group or its
 * subscription stops the deletion that would cut Adobe off (soft delete only brings a deleted
 * vault back afterwards). Locks that cannot be read are a warning that names the permission.
 */
function deleteLockFinding(vault, facts, subscriptionId) {
    const read = facts.managementLocks;
    if (!read || !read.ok)
        return unreadProtectionFinding('vault.delete-lock', vault, read, {
            listing: 'management locks',
            unknown: 'whether anything stops its deletion',
            permission: LOCKS_READ,
            command: `az lock list --resource ${vault.id}`
        });
    const locks = read.value;
    const evidence = {
        managementLocks: locks.map(l => ({ name: l.name, level: l.level, scope: l.scope }))
    };
    const stopping = locks.filter(l => STOPS_DELETION.includes(l.level.toLowerCase()));
    const first = stopping[0];
    if (first) {
        const readOnly = stopping.some(l => l.level.toLowerCase() === 'readonly')
            ? " A ReadOnly lock also blocks every change, the action's own repairs (remediate) included."
            : '';
        return {
            id: 'vault.delete-lock',
            outcome: 'pass',
            detail: `${vaultNamed(vault)} cannot be deleted: ${first.level} lock ${first.name} ${WHERE[first.scope]}.${readOnly}`,
            evidence
        };
    }
    return {
        id: 'vault.delete-lock',
        outcome: 'warn',
        detail: `${vaultNamed(vault)} has no CanNotDelete or ReadOnly lock on itself, its resource group or its subscription: one deletion cuts Adobe off until the vault is recovered from soft delete.`,
        fix: `Lock the ${vault.kind === 'managed-hsm' ? 'HSM' : 'vault'} against deletion (creating a lock needs Microsoft.Authorization/locks/write, e.g. Owner or User Access Administrator): \`${deleteLockCommand(vault, subscriptionId)}\`. Prefer CanNotDelete: a ReadOnly lock also blocks the action's own repairs.`,
        evidence
    };
}

;// CONCATENATED MODULE: ./src/checks/definitions/vault-delete-lock.ts


const NOTES = 'Adobe Experience Platform encrypts with a key in this vault';
function terraformLock(kind) {
    const scope = kind === 'vault' ? `${AZURERM_VAULT}.cmk.id` : `${AZURERM_HSM}.cmk.id`;
    return terraformResource('azurerm_management_lock', [
        'name = "aep-cmk-no-delete"',
        `scope = ${scope}`,
        'lock_level = "CanNotDelete" # ReadOnly would block the action\'s repairs too',
        `notes = "${NOTES}"`
    ]);
}
function bicepLock(kind) {
    return bicepResource('noDelete', 'Microsoft.Authorization/locks@2020-05-01', [
        "name: 'aep-cmk-no-delete'",
        `scope: ${kind === 'vault' ? 'vault' : 'hsm'}`,
        'properties: {',
        "  level: 'CanNotDelete' // ReadOnly would block the action's repairs too",
        `  notes: '${NOTES}'`,
        '}'
    ], [parentNote(kind)]);
}
const vaultDeleteLock = {
    id: 'vault.delete-lock',
    needs: ['vault.found'],
    evaluation: {
        over: 'vault',
        evaluate: (vault, ctx, facts) => deleteLockFinding(vault, facts, ctx.subscriptionId)
    },
    rule: {
        short: 'A management lock stops the vault from being deleted',
        full: 'Soft delete lets a deleted vault be recovered; a CanNotDelete lock on the vault, its resource group or subscription stops the deletion that would cut Adobe off in the first place.',
        help: "Add a CanNotDelete lock on the vault: az lock create --name aep-cmk-no-delete --lock-type CanNotDelete --resource-group <rg> --resource-type Microsoft.KeyVault/vaults --resource <vault>. A ReadOnly lock also stops deletion, but it blocks every change, the action's own repairs included.",
        // A warning: code scanning never shows it above medium.
        securitySeverity: 5.0
    },
    nextStep: 'lock the vault against deletion',
    docs: {
        checks: `Management locks (\`Microsoft.Authorization/locks\`) listed for the vault: a \`CanNotDelete\` or \`ReadOnly\` lock on the vault, its resource group or its subscription counts; a lock on any other resource never does. Reading them needs \`${LOCKS_READ}\` (Reader has it).`,
        why: "A deleted vault takes the key with it, and Adobe treats a key it cannot reach as revoked. Soft delete and purge protection let the vault be recovered afterwards; a lock stops the deletion before it happens. A `ReadOnly` lock stops it too, but it blocks every change, the action's own repairs (`remediate: role`, `adobe-ip`) included.",
        failsWhen: 'never; it only warns.',
        warnsWhen: 'No `CanNotDelete` or `ReadOnly` lock sits on the vault, its resource group or its subscription, or the locks could not be read (the detail says why and names the permission).'
    },
    fix: {
        az: 'Lock the vault (creating a lock needs `Microsoft.Authorization/locks/write`, e.g. Owner or User Access Administrator): `az lock create --name aep-cmk-no-delete --lock-type CanNotDelete --resource-group <resource-group> --resource-type Microsoft.KeyVault/vaults --resource <vault>` (Managed HSM: `--resource-type Microsoft.KeyVault/managedHSMs`).',
        // azurerm v5.2.0 management_lock.html.markdown: name, scope, lock_level (CanNotDelete |
        // ReadOnly), notes.
        terraform: terraformLock('vault'),
        // Bicep resource reference, Microsoft.Authorization/locks@2020-05-01 (an extension resource:
        // `scope`), properties.level (CanNotDelete | ReadOnly | NotSpecified) and properties.notes.
        bicep: bicepLock('vault'),
        managedHsm: { terraform: terraformLock('managed-hsm'), bicep: bicepLock('managed-hsm') }
    }
};

;// CONCATENATED MODULE: ./src/checks/definitions/vault-found.ts


const vault_found_REFUSED = ["Refused: the action's identity reads the vault through ARM with Reader."];
const vaultFound = {
    id: 'vault.found',
    needs: ['azure.sign-in'],
    evaluation: { over: 'facts', evaluate: (facts, ctx) => (0,vault_checks/* vaultFoundFinding */.uR)(facts.vault, ctx) },
    rule: {
        short: 'The Key Vault or Managed HSM exists and can be read',
        full: 'Adobe encrypts the org data with a key in this vault; a vault that is gone or unreadable means the key is unreachable, which Adobe treats as revocation.',
        help: 'Check key-vault-name, azure-subscription-id and azure-resource-group, and give the job identity Reader on the vault.',
        securitySeverity: 9.1
    },
    nextStep: 'point the action at the vault',
    docs: {
        checks: "The vault's management-plane settings (ARM). It reads `azure-resource-group` directly when that is set, and otherwise lists the subscription's vaults to find this one.",
        why: 'Adobe reaches the key through this vault. Every other vault and key check needs it.',
        failsWhen: 'The vault does not exist or cannot be read.'
    },
    fix: {
        az: "Not found: check `key-vault-name`, `azure-subscription-id` and `azure-resource-group`. Refused: grant the action's identity `Microsoft.KeyVault/vaults/read` on the vault, e.g. the Reader role on the vault or its resource group. Other errors: re-run, then check the ARM endpoint and Azure service health.",
        // Only the refusal has a code form: the role the action's identity needs (code-forms.ts).
        terraform: terraformRoleAssignment('vault', READER_FOR_THE_ACTION, vault_found_REFUSED),
        bicep: bicepRoleAssignment('vault', READER_FOR_THE_ACTION, vault_found_REFUSED),
        managedHsm: {
            terraform: terraformRoleAssignment('managed-hsm', READER_FOR_THE_ACTION, vault_found_REFUSED),
            bicep: bicepRoleAssignment('managed-hsm', READER_FOR_THE_ACTION, vault_found_REFUSED)
        }
    }
};

;// CONCATENATED MODULE: ./src/checks/definitions/vault-network.ts


const vaultNetwork = {
    id: 'vault.network',
    needs: ['vault.found'],
    evaluation: { over: 'vault', evaluate: vault_checks/* networkFinding */.Sr },
    rule: {
        short: 'Trusted Azure services may reach the vault',
        full: 'With public access disabled or a firewall that denies by default, Adobe reaches the key only through the trusted-services bypass and its allowed address.',
        help: 'Allow trusted Azure services through the firewall: az keyvault update --name <vault> --bypass AzureServices.',
        securitySeverity: 9.1
    },
    nextStep: 'let trusted Azure services through the vault firewall',
    docs: {
        checks: '`publicNetworkAccess` and `networkAcls`.',
        why: 'A firewall that denies by default keeps Adobe\'s app out unless trusted services may bypass it or Adobe\'s address is allowed; Adobe then raises a recoverable "Key access failure" alert (no data is purged), and Platform cannot use the key until it is let in.',
        failsWhen: 'Public network access is `Disabled` or the firewall defaults to `Deny`, and `bypass` is not `AzureServices`.'
    },
    fix: {
        az: 'Let trusted Microsoft services bypass the firewall: `az keyvault update --subscription <sub> --name <vault> --bypass AzureServices` (Managed HSM: `az keyvault update-hsm --hsm-name <hsm> --bypass AzureServices`).',
        // azurerm v5.2.0 key_vault.html.markdown: network_acls { bypass, default_action, ip_rules,
        // virtual_network_subnet_ids } (bypass and default_action required).
        terraform: terraformVault('vault', [
            'network_acls {',
            '  bypass = "AzureServices"',
            '  default_action = "Deny"',
            '  # keep your ip_rules and virtual_network_subnet_ids as they are',
            '}'
        ]),
        // Bicep reference, Microsoft.KeyVault/vaults 2025-05-01: properties.networkAcls.bypass.
        bicep: bicepVault('vault', [
            'networkAcls: {',
            "  bypass: 'AzureServices'",
            "  defaultAction: 'Deny'",
            '  // keep your ipRules and virtualNetworkRules as they are',
            '}'
        ]),
        managedHsm: {
            // azurerm v5.2.0 key_vault_managed_hardware_security_module.html.markdown:
            // network_acls { bypass, default_action } (both required; updatable in place).
            terraform: terraformVault('managed-hsm', [
                'network_acls {',
                '  bypass = "AzureServices"',
                '  default_action = "Deny"',
                '}'
            ]),
            // Bicep reference, Microsoft.KeyVault/managedHSMs 2025-05-01: properties.networkAcls.bypass.
            bicep: bicepVault('managed-hsm', [
                'networkAcls: {',
                "  bypass: 'AzureServices'",
                "  defaultAction: 'Deny'",
                '}'
            ])
        }
    }
};

;// CONCATENATED MODULE: ./src/checks/definitions/vault-purge-protection.ts


const vaultPurgeProtection = {
    id: 'vault.purge-protection',
    needs: ['vault.found'],
    evaluation: { over: 'vault', evaluate: vault_checks/* purgeProtectionFinding */.ak },
    rule: {
        short: 'Purge protection is enabled on the vault',
        full: 'Adobe requires purge protection so that a deleted key can be recovered during the retention period.',
        help: 'Enable purge protection (irreversible): az keyvault update --name <vault> --enable-purge-protection true.',
        securitySeverity: 8.0
    },
    nextStep: 'enable purge protection on the vault',
    docs: {
        checks: '`enablePurgeProtection` (absent counts as off).',
        why: 'Adobe requires purge protection: without it a deleted key can be purged before the retention period ends, which Adobe treats as revocation, and the data is lost for good.',
        failsWhen: 'Purge protection is not enabled.'
    },
    fix: {
        az: '`az keyvault update --subscription <sub> --name <vault> --enable-purge-protection true` (Managed HSM: `az keyvault update-hsm --hsm-name <hsm> --enable-purge-protection true`). It cannot be turned off again.',
        // azurerm v5.2.0 key_vault.html.markdown: purge_protection_enabled (updatable in place).
        terraform: terraformVault('vault', [
            'purge_protection_enabled = true # cannot be turned off again'
        ]),
        // Bicep reference, Microsoft.KeyVault/vaults 2025-05-01: properties.enablePurgeProtection.
        bicep: bicepVault('vault', ['enablePurgeProtection: true // cannot be turned off again']),
        managedHsm: {
            // azurerm v5.2.0 key_vault_managed_hardware_security_module.html.markdown:
            // purge_protection_enabled, "Changing this forces a new resource" (ForceNew in its schema).
            terraform: terraformVault('managed-hsm', ['purge_protection_enabled = true'], [
                'In azurerm this argument forces a new HSM, which would take every key with it: run the',
                'az command first, then set it here so that the plan shows no change.'
            ]),
            // Bicep reference, Microsoft.KeyVault/managedHSMs 2025-05-01: properties.enablePurgeProtection.
            bicep: bicepVault('managed-hsm', [
                'enablePurgeProtection: true // cannot be turned off again'
            ])
        }
    }
};

;// CONCATENATED MODULE: ./src/checks/definitions/vault-rbac.ts


const vaultRbac = {
    id: 'vault.rbac',
    needs: ['vault.found'],
    evaluation: { over: 'vault', evaluate: vault_checks/* rbacFinding */.uX },
    rule: {
        short: 'The vault uses Azure RBAC',
        full: 'Adobe grants the CMK app its access through an Azure role assignment, which needs the Azure RBAC permission model.',
        help: 'Switch the vault to Azure RBAC: az keyvault update --name <vault> --enable-rbac-authorization true (re-create any access a policy granted as role assignments first).',
        securitySeverity: 7.0
    },
    nextStep: 'switch the vault to Azure RBAC',
    docs: {
        checks: '`enableRbacAuthorization`.',
        why: "Adobe's set-up guide grants the CMK app a role (Azure RBAC). With access policies, the role assignment the action checks does not apply.",
        failsWhen: 'The vault uses access policies instead of Azure RBAC.'
    },
    fix: {
        az: 'First give every identity that uses the vault an equivalent Key Vault role (access policies stop applying), then `az keyvault update --subscription <sub> --name <vault> --enable-rbac-authorization true`.',
        // azurerm v5.2.0 key_vault.html.markdown: rbac_authorization_enabled, added in v4.42.0 as the
        // new name of enable_rbac_authorization, which 5.0 removed (commit 8ce195d, PR #29886).
        terraform: terraformVault('vault', ['rbac_authorization_enabled = true'], [
            'azurerm < 4.42: enable_rbac_authorization = true. Give every identity that uses the vault',
            'an equivalent role (azurerm_role_assignment) first: access policies stop applying.'
        ]),
        // Bicep reference, Microsoft.KeyVault/vaults 2025-05-01: properties.enableRbacAuthorization.
        bicep: bicepVault('vault', [
            'enableRbacAuthorization: true // give every identity an equivalent role first'
        ]),
        // A Managed HSM always uses its local RBAC: the check never fails there.
        managedHsm: {}
    }
};

;// CONCATENATED MODULE: ./src/checks/definitions/vault-soft-delete.ts


const vaultSoftDelete = {
    id: 'vault.soft-delete',
    needs: ['vault.found'],
    evaluation: { over: 'vault', evaluate: vault_checks/* softDeleteFinding */.fg },
    rule: {
        short: 'Soft delete is enabled on the vault',
        full: 'Without soft delete a deleted key is gone at once and the data encrypted with it cannot be recovered.',
        help: 'Enable soft delete: az keyvault update --name <vault> --enable-soft-delete true.',
        securitySeverity: 8.0
    },
    nextStep: 'enable soft delete on the vault',
    docs: {
        checks: '`enableSoftDelete`.',
        why: 'Without soft delete, a deleted key is gone at once, and with it every byte Adobe encrypted under it.',
        failsWhen: 'Soft delete is disabled.'
    },
    fix: {
        az: '`az keyvault update --subscription <sub> --name <vault> --enable-soft-delete true`.',
        // azurerm v5.2.0 key_vault.html.markdown has no soft-delete argument; key_vault_resource.go
        // creates vaults with enableSoftDelete true and sends it with purge protection (since 2.42).
        terraform: terraformVault('vault', ['purge_protection_enabled = true'], [
            'azurerm has no soft-delete argument: it creates vaults with soft delete on, and turns it',
            'on for an older vault together with purge protection (which Adobe requires anyway).'
        ]),
        // Bicep reference, Microsoft.KeyVault/vaults 2025-05-01: properties.enableSoftDelete.
        bicep: bicepVault('vault', ['enableSoftDelete: true'])
        // A Managed HSM's soft delete is always on: the check never fails there.
    }
};

;// CONCATENATED MODULE: ./src/checks/check-catalog.ts
























const CHECK_CATALOG = {
    'azure.sign-in': azureSignIn,
    'adobe.sign-in': adobeSignIn,
    'vault.found': vaultFound,
    'vault.soft-delete': vaultSoftDelete,
    'vault.purge-protection': vaultPurgeProtection,
    'vault.rbac': vaultRbac,
    'vault.network': vaultNetwork,
    'vault.adobe-ip': vaultAdobeIp,
    'vault.audit-log': vaultAuditLog,
    'vault.delete-lock': vaultDeleteLock,
    'key.found': keyFound,
    'key.enabled': keyEnabled,
    'key.type': keyType,
    'key.size': keySize,
    'key.operations': keyOperations,
    'key.active': keyActive,
    'key.expiry': keyExpiry,
    'key.rotation': keyRotation,
    'app.registered': appRegistered,
    'app.consented': appConsented,
    'app.role': appRole,
    'config.status': configStatus,
    'config.key': configKey
};
/** Every check's definition, in contract order. */
function checkDefinitions() {
    return finding/* CHECK_IDS */.S.map((id) => CHECK_CATALOG[id]);
}
/** One total table read off the catalog, e.g. each check's SARIF rule. */
function catalogTable(pick) {
    return Object.fromEntries(CHECK_IDS.map(id => [id, pick(CHECK_CATALOG[id])]));
}


/***/ }),

/***/ 40629:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fr: () => (/* binding */ configKeyFinding),
/* harmony export */   KA: () => (/* binding */ setupStoppedFinding),
/* harmony export */   Kt: () => (/* binding */ configStatusFinding),
/* harmony export */   lX: () => (/* binding */ publishedStatus)
/* harmony export */ });
/* unused harmony export configuredKey */
/* harmony import */ var _model_facts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1374);
/* harmony import */ var _skipped_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89049);
/* harmony import */ var _read_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(10886);



function parseUrl(text) {
    if (!text)
        return undefined;
    try {
        return new URL(text);
    }
    catch {
        return undefined;
    }
}
function keyNameFromPath(url) {
    const match = url?.pathname.match(/^\/keys\/([^/]+)/i);
    return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}
/**
 * The current API answers keyVaultKeyIdentifier (versioned key URL) and keyVaultUri (vault base
 * URL); the legacy API stores the key identifier in keyVaultUri and the name in keyName.
 */
function configuredKey(config) {
    const identifier = parseUrl(config.keyVaultKeyIdentifier);
    const uri = parseUrl(config.keyVaultUri);
    const vaultUrl = identifier ?? uri;
    return {
        vaultHost: vaultUrl?.host.toLowerCase(),
        keyName: keyNameFromPath(identifier) ?? keyNameFromPath(uri) ?? config.keyName
    };
}
function configKeyFinding(config, vault, keyName) {
    if (!config.ok) {
        return {
            id: 'config.key',
            outcome: 'warn',
            detail: `This cannot be decided: the Adobe configuration could not be read (${(0,_read_error_js__WEBPACK_IMPORTED_MODULE_0__/* .describeReadError */ .U)(config.error)}).`,
            fix: 'Check config-name, adobe-org-id and the Adobe credential, then re-run the job.',
            evidence: (0,_read_error_js__WEBPACK_IMPORTED_MODULE_0__/* .readErrorEvidence */ .G)(config.error)
        };
    }
    if (config.value === null) {
        return {
            id: 'config.key',
            outcome: 'pass',
            detail: 'There is no configuration yet, so none points at another vault or key.',
            evidence: { config: null }
        };
    }
    if (!vault.ok)
        return (0,_skipped_js__WEBPACK_IMPORTED_MODULE_1__/* .skipped */ .h)('config.key', 'vault.found');
    const found = configuredKey(config.value);
    const expectedHost = parseUrl(vault.value.vaultUri)?.host.toLowerCase();
    const evidence = {
        configName: config.value.name,
        configured: found,
        expected: { vaultHost: expectedHost, keyName }
    };
    if (!found.vaultHost || !found.keyName) {
        return {
            id: 'config.key',
            outcome: 'warn',
            detail: `This cannot be decided: configuration ${config.value.name} names vault ${found.vaultHost ?? 'none'} and key ${found.keyName ?? 'none'}.`,
            fix: 'Look at the configuration in the Adobe Experience Platform UI (Encryption > Customer Managed Keys) and check it names this vault and key.',
            evidence
        };
    }
    const sameVault = found.vaultHost === expectedHost;
    const sameKey = found.keyName.toLowerCase() === keyName.toLowerCase();
    if (sameVault && sameKey) {
        return {
            id: 'config.key',
            outcome: 'pass',
            detail: `Configuration ${config.value.name} points at key ${found.keyName} in vault ${found.vaultHost}.`,
            evidence
        };
    }
    return {
        id: 'config.key',
        outcome: 'fail',
        detail: `Configuration ${config.value.name} points at key ${found.keyName} in vault ${found.vaultHost}, not key ${keyName} in vault ${expectedHost ?? vault.value.vaultUri}.`,
        fix: 'Set key-vault-name and key-name to the configured vault and key, or set config-name to a new configuration name; Adobe keeps one vault and key per configuration.',
        evidence
    };
}
/**
 * A status Adobe's docs do not list is published as UNKNOWN: a workflow that branches on the
 * `status` output must only ever see the documented values. The raw one is quoted in the log
 * and the report (statusAsSent).
 */
function publishedStatus(observed) {
    if (observed === 'NOT_CONFIGURED')
        return 'NOT_CONFIGURED';
    return _model_facts_js__WEBPACK_IMPORTED_MODULE_2__/* .CONFIG_STATUSES */ .iP.find(documented => documented === observed) ?? 'UNKNOWN';
}
const FAILED_FIX = "Adobe ends FAILED when the key, vault or CMK app set-up has a problem: check that the key is enabled and not expired, that the CMK app's service principal holds Key Vault Crypto Service Encryption User on the vault, and that the vault's network settings let it through, then re-run setup.";
function configStatusFinding(status, mode, ctx) {
    const evidence = { status, configName: ctx.configName };
    const name = ctx.configName;
    if (status === 'COMPLETED') {
        return {
            id: 'config.status',
            outcome: 'pass',
            detail: `Configuration ${name} is COMPLETED.`,
            evidence
        };
    }
    if (status === 'UNKNOWN') {
        const why = ctx.readError ? ` (${(0,_read_error_js__WEBPACK_IMPORTED_MODULE_0__/* .describeReadError */ .U)(ctx.readError)})` : '';
        if (ctx.readError)
            Object.assign(evidence, { error: (0,_read_error_js__WEBPACK_IMPORTED_MODULE_0__/* .readErrorEvidence */ .G)(ctx.readError) });
        return {
            id: 'config.status',
            outcome: mode === 'validate' ? 'warn' : 'fail',
            detail: `The status of configuration ${name} is unknown${why}.`,
            fix: 'Check config-name, adobe-org-id, adobe-region and the Adobe credential, then re-run the job.',
            evidence
        };
    }
    if (status === 'NOT_CONFIGURED') {
        if (mode === 'validate') {
            return {
                id: 'config.status',
                outcome: 'pass',
                detail: `There is no configuration named ${name} yet; setup will submit it.`,
                evidence
            };
        }
        if (mode === 'check') {
            return {
                id: 'config.status',
                outcome: 'fail',
                detail: `There is no configuration named ${name}.`,
                fix: 'Run the action with mode: setup, or set config-name to the name used when customer-managed keys were enabled (e.g. in the Adobe UI).',
                evidence
            };
        }
        // The checks that stopped the submission already fail the run; this one adds nothing.
        if (ctx.submitBlocked && ctx.blockedBy)
            return (0,_skipped_js__WEBPACK_IMPORTED_MODULE_1__/* .skipped */ .h)('config.status', ctx.blockedBy);
        return {
            id: 'config.status',
            outcome: 'fail',
            detail: ctx.submitBlocked
                ? `There is no configuration named ${name}; setup did not submit one because checks failed.`
                : `There is no configuration named ${name}.`,
            fix: ctx.submitBlocked
                ? 'Fix the failed checks, then re-run setup.'
                : 'Re-run setup; if this repeats, check the Adobe credential and config-name.',
            evidence
        };
    }
    if (status === 'FAILED') {
        return {
            id: 'config.status',
            outcome: mode === 'validate' ? 'warn' : 'fail',
            detail: mode === 'validate'
                ? `Configuration ${name} ended FAILED; setup would submit it again.`
                : `Configuration ${name} ended FAILED.`,
            fix: FAILED_FIX,
            evidence
        };
    }
    // From here on the status is in progress: NEW, RUNNING, UPDATE_EXISTING_RESOURCES or one
    // Adobe's docs do not list.
    if (mode === 'validate') {
        return {
            id: 'config.status',
            outcome: 'warn',
            detail: `Configuration ${name} is still ${status}; setup would wait for it rather than submit again.`,
            fix: 'Wait a few minutes and re-run; Adobe usually finishes within minutes.',
            evidence
        };
    }
    if (mode === 'check') {
        return {
            id: 'config.status',
            outcome: 'fail',
            detail: `Configuration ${name} is ${status}, not COMPLETED.`,
            fix: 'Wait a few minutes and re-run the check; if it stays in progress, contact Adobe support.',
            evidence
        };
    }
    if (ctx.submitBlocked && !ctx.timedOut) {
        return {
            id: 'config.status',
            outcome: 'fail',
            detail: `Configuration ${name} is ${status}; setup did not follow it because checks failed.`,
            fix: 'Fix the failed checks, then re-run setup: it follows the configuration without submitting it again.',
            evidence
        };
    }
    const waited = ctx.waitedSeconds === undefined ? '' : ` after ${ctx.waitedSeconds} s`;
    Object.assign(evidence, { timedOut: ctx.timedOut, waitedSeconds: ctx.waitedSeconds });
    return {
        id: 'config.status',
        outcome: 'fail',
        detail: `Configuration ${name} is still ${status}${waited}.`,
        fix: 'Re-run later: the action does not submit twice and picks up the status; raise wait-timeout-seconds to wait longer.',
        evidence
    };
}
/** config.status when setup stopped short of a failed check, or a write failed unexpectedly. */
function setupStoppedFinding(reason) {
    return {
        id: 'config.status',
        outcome: 'fail',
        detail: `Setup stopped: ${reason}`,
        fix: 'Re-run the job: the action reads the current state first and never submits a configuration Adobe already has.'
    };
}


/***/ }),

/***/ 18336:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ei: () => (/* binding */ publicAccessDisabled),
/* harmony export */   U3: () => (/* binding */ dataPlaneReach),
/* harmony export */   jS: () => (/* binding */ firewallDeniesByDefault)
/* harmony export */ });
function publicAccessDisabled(vault) {
    return vault.publicNetworkAccess?.toLowerCase() === 'disabled';
}
function firewallDeniesByDefault(vault) {
    return vault.networkAcls?.defaultAction?.toLowerCase() === 'deny';
}
function dataPlaneReach(vault) {
    if (publicAccessDisabled(vault))
        return 'private-only';
    return firewallDeniesByDefault(vault) ? 'firewall' : 'open';
}


/***/ }),

/***/ 6558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ ipv4RuleAllows)
/* harmony export */ });
/* unused harmony export parseIpv4 */
/** IPv4 parsing and CIDR matching for Key Vault firewall ipRules (Key Vault rules are IPv4 only). */
function parseIpv4(text) {
    const parts = text.trim().split('.');
    if (parts.length !== 4)
        return undefined;
    let value = 0;
    for (const part of parts) {
        if (!/^\d{1,3}$/.test(part))
            return undefined;
        const octet = Number(part);
        if (octet > 255)
            return undefined;
        value = value * 256 + octet;
    }
    return value;
}
/** Whether `ip` falls in `rule`, which is a bare address, "a.b.c.d/32" or a CIDR range. */
function ipv4RuleAllows(rule, ip) {
    const address = parseIpv4(ip);
    if (address === undefined)
        return false;
    const [base, prefixText, ...rest] = rule.trim().split('/');
    if (rest.length > 0 || base === undefined)
        return false;
    const network = parseIpv4(base);
    if (network === undefined)
        return false;
    if (prefixText === undefined)
        return network === address;
    if (!/^\d{1,2}$/.test(prefixText))
        return false;
    const prefix = Number(prefixText);
    if (prefix > 32)
        return false;
    // 2 ** (32 - prefix) keeps the arithmetic in safe integers instead of 32-bit bitwise ops.
    const blockSize = 2 ** (32 - prefix);
    return Math.floor(network / blockSize) === Math.floor(address / blockSize);
}


/***/ }),

/***/ 69986:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D3: () => (/* binding */ keyFoundFinding),
/* harmony export */   S4: () => (/* binding */ keyExpiryFinding),
/* harmony export */   XO: () => (/* binding */ keyOperationsFinding),
/* harmony export */   Zx: () => (/* binding */ keyContext),
/* harmony export */   bE: () => (/* binding */ keyActiveFinding),
/* harmony export */   iB: () => (/* binding */ keyEnabledFinding),
/* harmony export */   uf: () => (/* binding */ keySizeFinding),
/* harmony export */   vv: () => (/* binding */ keyTypeFinding)
/* harmony export */ });
/* harmony import */ var _data_plane_reach_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(18336);
/* harmony import */ var _skipped_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(89049);
/* harmony import */ var _read_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(10886);
/* harmony import */ var _key_commands_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(32713);
/* harmony import */ var _key_dates_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46910);





/** What a key check reads of the vault: its kind, and how its data plane is reached. */
function keyContext(ctx, vault) {
    return { ...ctx, vaultKind: vault.kind, dataPlane: (0,_data_plane_reach_js__WEBPACK_IMPORTED_MODULE_1__/* .dataPlaneReach */ .U3)(vault) };
}
const RSA_KEY_TYPES = ['RSA', 'RSA-HSM'];
const REQUIRED_OPERATIONS = ['wrapKey', 'unwrapKey'];
/** Key Vault and Managed HSM make RSA keys of 2048, 3072 and 4096 bits; this leaves room. */
const MAX_RSA_BITS = 16384;
/** Azure Policy "Keys should be backed by a hardware security module (HSM)". */
const HSM_POLICY_ID = '587c79fe-dd04-4a5e-9d0b-f89598c7261b';
/** The key is read through ARM (management plane): `vault` names the vault in the fix. */
function keyFoundFinding(key, vault, ctx) {
    if (key.ok) {
        return {
            id: 'key.found',
            outcome: 'pass',
            detail: `Key ${key.value.name} found; its latest version is ${key.value.id}.`,
            evidence: { id: key.value.id, version: key.value.version }
        };
    }
    const error = key.error;
    const base = {
        id: 'key.found',
        outcome: 'fail',
        evidence: (0,_read_error_js__WEBPACK_IMPORTED_MODULE_2__/* .readErrorEvidence */ .G)(error)
    };
    if (error.kind === 'not-found') {
        return {
            ...base,
            detail: `Key ${ctx.keyName} does not exist in vault ${vault.name} (${(0,_read_error_js__WEBPACK_IMPORTED_MODULE_2__/* .describeReadError */ .U)(error)}).`,
            fix: `Check key-name, or create the key: ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .azKey */ .zZ)(ctx, 'create', `--kty RSA --size ${ctx.minKeySize} --ops wrapKey unwrapKey`)}; a soft-deleted key must be recovered with \`az keyvault key recover\`. ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .dataPlaneNote */ .nh)(ctx, 'Generate/Import (a soft-deleted key: Manage deleted keys > Recover)')}`
        };
    }
    if (error.kind === 'forbidden') {
        // The key is read through ARM, so only a management-plane read permission matters here:
        // no data-plane role, and the vault firewall does not apply.
        return {
            ...base,
            detail: `The action's Azure identity may not read key ${ctx.keyName} of vault ${vault.name} through Azure Resource Manager (${(0,_read_error_js__WEBPACK_IMPORTED_MODULE_2__/* .describeReadError */ .U)(error)}).`,
            fix: `Give the action's Azure identity Reader on the vault (or any role with the action Microsoft.KeyVault/vaults/keys/read), e.g. \`az role assignment create --role Reader --assignee <azure-client-id> --scope ${vault.id}\`; no data-plane role is needed.`
        };
    }
    return {
        ...base,
        detail: `Key ${ctx.keyName} in vault ${vault.name} could not be read (${(0,_read_error_js__WEBPACK_IMPORTED_MODULE_2__/* .describeReadError */ .U)(error)}).`,
        fix: 'Re-run the job; if the error persists, check the Azure Resource Manager and Key Vault service health.'
    };
}
function keyEnabledFinding(key, ctx) {
    if (key.enabled) {
        return {
            id: 'key.enabled',
            outcome: 'pass',
            detail: `Key ${key.name} is enabled.`,
            evidence: { enabled: true }
        };
    }
    return {
        id: 'key.enabled',
        outcome: 'fail',
        detail: `Key ${key.name} (version ${key.version}) is disabled.`,
        fix: `Enable it: ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .azKey */ .zZ)(ctx, 'set-attributes', '--enabled true')}. ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .dataPlaneNote */ .nh)(ctx, (0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .currentVersion */ .YO)(ctx, 'set Enabled'))}`,
        evidence: { enabled: false }
    };
}
function keyTypeFinding(key, ctx) {
    const inHsm = ctx.vaultKind === 'managed-hsm';
    const evidence = {
        keyType: key.keyType,
        requireHsm: ctx.requireHsm === true,
        inManagedHsm: inHsm
    };
    const isRsa = RSA_KEY_TYPES.some(type => type.toLowerCase() === key.keyType.toLowerCase());
    if (!isRsa) {
        return {
            id: 'key.type',
            outcome: 'fail',
            detail: `Key ${key.name} has type ${key.keyType}, but Adobe needs RSA or RSA-HSM.`,
            fix: `Create an RSA key, e.g. ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .azKey */ .zZ)(ctx, 'create', `--kty ${ctx.requireHsm || inHsm ? 'RSA-HSM' : 'RSA'} --size ${ctx.minKeySize} --ops wrapKey unwrapKey`)} (this adds a version of that type), or use another key-name. ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .dataPlaneNote */ .nh)(ctx, (0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .newVersion */ .JL)(ctx))}`,
            evidence
        };
    }
    // Every key in a Managed HSM lives in its HSM, whatever kty says; in a vault, only RSA-HSM does.
    const hsmBacked = inHsm || key.keyType.toUpperCase() === 'RSA-HSM';
    if (ctx.requireHsm && !hsmBacked) {
        return {
            id: 'key.type',
            outcome: 'fail',
            detail: `Key ${key.name} has type ${key.keyType}: it is software-protected, and require-hsm wants an HSM-backed key (Azure Policy "Keys should be backed by a hardware security module (HSM)", ${HSM_POLICY_ID}).`,
            fix: `Add an HSM-backed version (the vault needs the premium SKU): ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .azKey */ .zZ)(ctx, 'create', `--kty RSA-HSM --size ${ctx.minKeySize} --ops wrapKey unwrapKey`)}; Adobe uses the key's latest version. Or keep the key in a Managed HSM. ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .dataPlaneNote */ .nh)(ctx, (0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .newVersion */ .JL)(ctx))}`,
            evidence
        };
    }
    const backing = inHsm
        ? ' in a Managed HSM (HSM-backed)'
        : hsmBacked
            ? ' (HSM-backed)'
            : ' (software-protected)';
    return {
        id: 'key.type',
        outcome: 'pass',
        detail: `Key ${key.name} has type ${key.keyType}${backing}.`,
        evidence
    };
}
function keySizeFinding(key, ctx) {
    const evidence = { keySize: key.keySize, minKeySize: ctx.minKeySize };
    const kty = key.keyType.toUpperCase() === 'RSA-HSM' ? 'RSA-HSM' : 'RSA';
    const fix = `Create a new version with a larger modulus: ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .azKey */ .zZ)(ctx, 'create', `--kty ${kty} --size ${ctx.minKeySize} --ops wrapKey unwrapKey`)}. ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .dataPlaneNote */ .nh)(ctx, (0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .newVersion */ .JL)(ctx))}`;
    if (key.keySize === undefined && !/^RSA(-HSM)?$/i.test(key.keyType))
        return (0,_skipped_js__WEBPACK_IMPORTED_MODULE_4__/* .skipped */ .h)('key.size', 'key.type');
    if (key.keySize === undefined) {
        return {
            id: 'key.size',
            outcome: 'fail',
            detail: `Key ${key.name} of type ${key.keyType} has no RSA modulus, so it does not meet min-key-size ${ctx.minKeySize}.`,
            fix,
            evidence
        };
    }
    if (!Number.isSafeInteger(key.keySize) || key.keySize > MAX_RSA_BITS) {
        return {
            id: 'key.size',
            outcome: 'warn',
            detail: `This cannot be decided: for key ${key.name} Azure Resource Manager answered keySize ${key.keySize}, which no RSA key has.`,
            fix: `Look at the key with ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .azKey */ .zZ)(ctx, 'show', '--query key')}; if it is wrong, ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`,
            evidence
        };
    }
    if (key.keySize >= ctx.minKeySize) {
        return {
            id: 'key.size',
            outcome: 'pass',
            detail: `Key ${key.name} has a ${key.keySize}-bit RSA modulus (min-key-size ${ctx.minKeySize}).`,
            evidence
        };
    }
    return {
        id: 'key.size',
        outcome: 'fail',
        detail: `Key ${key.name} has a ${key.keySize}-bit RSA modulus, smaller than min-key-size ${ctx.minKeySize}.`,
        fix,
        evidence
    };
}
function keyOperationsFinding(key, ctx) {
    const present = new Set(key.keyOperations.map(op => op.toLowerCase()));
    const missing = REQUIRED_OPERATIONS.filter(op => !present.has(op.toLowerCase()));
    const evidence = { keyOperations: key.keyOperations };
    if (missing.length === 0) {
        return {
            id: 'key.operations',
            outcome: 'pass',
            detail: `Key ${key.name} permits ${key.keyOperations.join(', ')}.`,
            evidence
        };
    }
    const wanted = [...key.keyOperations, ...missing].join(' ');
    return {
        id: 'key.operations',
        outcome: 'fail',
        detail: `Key ${key.name} does not permit ${missing.join(' and ')} (permitted: ${key.keyOperations.join(', ') || 'none'}).`,
        fix: `Permit them: ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .azKey */ .zZ)(ctx, 'set-attributes', `--ops ${wanted}`)}. ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .dataPlaneNote */ .nh)(ctx, (0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .currentVersion */ .YO)(ctx, 'tick wrapKey and unwrapKey under Permitted operations'))}`,
        evidence: { ...evidence, missing }
    };
}
function keyActiveFinding(key, ctx) {
    const read = (0,_key_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .keyDates */ .L)(key, ['notBefore', 'expiresOn']);
    if (!read.ok)
        return (0,_key_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .unusableDatesFinding */ .G)('key.active', key, read.unusable, ctx);
    const { notBefore, expiresOn } = read.dates;
    const evidence = {
        notBefore: notBefore?.toISOString(),
        expiresOn: expiresOn?.toISOString(),
        now: ctx.now.toISOString()
    };
    if (notBefore && notBefore.getTime() > ctx.now.getTime()) {
        return {
            id: 'key.active',
            outcome: 'fail',
            detail: `Key ${key.name} is not active yet: its activation date is ${notBefore.toISOString()}.`,
            fix: `Wait until then, or move the activation date: ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .azKey */ .zZ)(ctx, 'set-attributes', `--not-before ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .isoSeconds */ .nE)(ctx.now)}`)}. ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .dataPlaneNote */ .nh)(ctx, (0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .currentVersion */ .YO)(ctx, 'Set activation date'))}`,
            evidence
        };
    }
    if (expiresOn && expiresOn.getTime() <= ctx.now.getTime()) {
        return {
            id: 'key.active',
            outcome: 'fail',
            detail: `Key ${key.name} expired on ${expiresOn.toISOString()}.`,
            fix: `Extend its expiry date: ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .azKey */ .zZ)(ctx, 'set-attributes', `--expires ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .suggestedExpiry */ .Zx)(ctx)}`)}, or rotate the key. ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .dataPlaneNote */ .nh)(ctx, (0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .currentVersion */ .YO)(ctx, 'Set expiration date'))}`,
            evidence
        };
    }
    return {
        id: 'key.active',
        outcome: 'pass',
        detail: `Key ${key.name} is within its activation and expiry dates (activation ${notBefore?.toISOString() ?? 'not set'}, expiry ${expiresOn?.toISOString() ?? 'not set'}).`,
        evidence
    };
}
function keyExpiryFinding(key, ctx) {
    const read = (0,_key_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .keyDates */ .L)(key, ['expiresOn']);
    if (!read.ok)
        return (0,_key_dates_js__WEBPACK_IMPORTED_MODULE_0__/* .unusableDatesFinding */ .G)('key.expiry', key, read.unusable, ctx);
    const { expiresOn } = read.dates;
    if (!expiresOn) {
        return {
            id: 'key.expiry',
            outcome: 'pass',
            detail: `Key ${key.name} has no expiry date.`,
            evidence: { expiresOn: null }
        };
    }
    const remainingMs = expiresOn.getTime() - ctx.now.getTime();
    const daysLeft = Math.floor(remainingMs / _key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .DAY_MS */ .sO);
    const evidence = {
        expiresOn: expiresOn.toISOString(),
        daysLeft,
        minKeyValidityDays: ctx.minKeyValidityDays
    };
    if (remainingMs >= ctx.minKeyValidityDays * _key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .DAY_MS */ .sO) {
        return {
            id: 'key.expiry',
            outcome: 'pass',
            detail: `Key ${key.name} expires on ${expiresOn.toISOString()}, ${daysLeft} days from now (min-key-validity-days ${ctx.minKeyValidityDays}).`,
            evidence
        };
    }
    const detail = remainingMs <= 0
        ? `Key ${key.name} already expired on ${expiresOn.toISOString()} (min-key-validity-days ${ctx.minKeyValidityDays}).`
        : `Key ${key.name} expires on ${expiresOn.toISOString()}, ${daysLeft} days from now, within min-key-validity-days ${ctx.minKeyValidityDays}.`;
    return {
        id: 'key.expiry',
        outcome: 'fail',
        detail,
        fix: `Extend its expiry date: ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .azKey */ .zZ)(ctx, 'set-attributes', `--expires ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .suggestedExpiry */ .Zx)(ctx)}`)}, or rotate the key. ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .dataPlaneNote */ .nh)(ctx, (0,_key_commands_js__WEBPACK_IMPORTED_MODULE_3__/* .currentVersion */ .YO)(ctx, 'Set expiration date'))}`,
        evidence
    };
}


/***/ }),

/***/ 32713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JL: () => (/* binding */ newVersion),
/* harmony export */   YO: () => (/* binding */ currentVersion),
/* harmony export */   Zx: () => (/* binding */ suggestedExpiry),
/* harmony export */   nE: () => (/* binding */ isoSeconds),
/* harmony export */   nh: () => (/* binding */ dataPlaneNote),
/* harmony export */   sO: () => (/* binding */ DAY_MS),
/* harmony export */   tU: () => (/* binding */ DATA_PLANE_DOC),
/* harmony export */   zZ: () => (/* binding */ azKey)
/* harmony export */ });
const DAY_MS = 24 * 60 * 60 * 1000;
/** `az keyvault key <command>` for this key, in a vault or a Managed HSM. */
function azKey(ctx, command, args) {
    const where = ctx.vaultKind === 'managed-hsm' ? '--hsm-name' : '--vault-name';
    return `\`az keyvault key ${command} ${where} ${ctx.keyVaultName} --name ${ctx.keyName} ${args}\``;
}
/** ISO date without milliseconds, as the Azure CLI accepts it. */
function isoSeconds(date) {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** The expiry date a fix suggests: a year away, or longer if min-key-validity-days needs it. */
function suggestedExpiry(ctx) {
    const days = Math.max(365, ctx.minKeyValidityDays + 1);
    return isoSeconds(new Date(ctx.now.getTime() + days * DAY_MS));
}
/** The portal path (after "Keys >") to a setting of the key's current version. */
function currentVersion(ctx, setting) {
    return `${ctx.keyName} > its current version: ${setting}, then Save`;
}
/** The portal path (after "Keys >") to a new version of the key. */
function newVersion(ctx) {
    return `${ctx.keyName} > New Version`;
}
/**
 * What every key change (set-attributes, create, recover, rotation-policy update) needs, said in
 * its fix: it goes through the vault's data plane, so the caller needs a data-plane role, and the
 * vault firewall refuses it from any address it does not allow (ForbiddenByFirewall), the
 * portal's requests from the browser included ("This also applies to accessing Key Vault from
 * the Azure portal", Key Vault network security docs). The roles: Key Vault Crypto Officer
 * ("Perform any action on the keys of a key vault"); on a Managed HSM the local role Managed HSM
 * Crypto User ("all key management operations except purge or recover deleted keys and export
 * keys", Managed HSM built-in roles; recovering a deleted key takes Managed HSM Crypto Officer).
 *
 * `portal` is where the change is made in the Azure portal, after "Key vaults > vault > Objects >
 * Keys >", as the portal labels it (no reference doc lists these paths). A Managed HSM gets none:
 * the Managed HSM docs manage keys with the CLI only.
 */
function dataPlaneNote(ctx, portal) {
    const hsm = ctx.vaultKind === 'managed-hsm';
    const roleName = hsm
        ? 'the local role Managed HSM Crypto User'
        : 'the role Key Vault Crypto Officer';
    const where = hsm ? `Managed HSM ${ctx.keyVaultName}` : `vault ${ctx.keyVaultName}`;
    const sentences = [
        `This goes through the data plane of ${where}: whoever runs it needs ${roleName} on the key or ${hsm ? 'HSM' : 'vault'}.`
    ];
    if (ctx.dataPlane === 'firewall') {
        const rule = (verb) => `\`az keyvault network-rule ${verb} ${hsm ? '--hsm-name' : '--name'} ${ctx.keyVaultName} --ip-address <your public IP>${ctx.subscriptionId ? ` --subscription ${ctx.subscriptionId}` : ''}\``;
        sentences.push(`Its firewall refuses any address it does not allow (ForbiddenByFirewall), the portal's too: run it from a machine inside the allowed network, or allow your own address for the change with ${rule('add')} and remove it right after with ${rule('remove')}.`);
    }
    else if (ctx.dataPlane === 'private-only') {
        sentences.push(`Its public network access is Disabled, so IP rules do not apply: run it (or open the portal) from a machine that reaches ${where} through its private endpoint.`);
    }
    if (!hsm && portal) {
        sentences.push(`In the portal: Key vaults > ${ctx.keyVaultName} > Objects > Keys > ${portal}.`);
    }
    return sentences.join(' ');
}
/**
 * The same for docs/checks.md, where neither the vault nor its firewall is known. (The catalog
 * imports it; key-commands.ts imports nothing above it.)
 */
const DATA_PLANE_DOC = "These commands go through the vault's data plane: they need the role Key Vault Crypto Officer on the key or vault (Managed HSM: the local role Managed HSM Crypto User), and a firewall that denies by default refuses them from any address it does not allow (`ForbiddenByFirewall`), the portal's requests too. Run them from a machine inside the allowed network, or allow your public address for the change (`az keyvault network-rule add --name <vault> --ip-address <your public IP>`) and remove it right after (`az keyvault network-rule remove --name <vault> --ip-address <your public IP>`); with public network access Disabled, only a machine that reaches the vault through its private endpoint can. The job summary says which applies to your vault.";


/***/ }),

/***/ 46910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ unusableDatesFinding),
/* harmony export */   L: () => (/* binding */ keyDates)
/* harmony export */ });
/* harmony import */ var _key_commands_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32713);

/** ARM's names for the key's date attributes, as the detail quotes them. */
const ARM_ATTRIBUTE = {
    notBefore: 'attributes.notBefore',
    expiresOn: 'attributes.expires',
    createdOn: 'attributes.created'
};
/**
 * The dates a check reads, or, when the service sent one that is no date (the reader keeps such
 * a value as sent), what it sent for each: that check cannot be decided, every other one can.
 */
function keyDates(key, attributes) {
    const dates = {};
    const unusable = {};
    for (const attribute of attributes) {
        const value = key[attribute];
        if (value instanceof Date)
            dates[attribute] = value;
        else if (value !== undefined)
            unusable[attribute] = value.unusable;
    }
    return Object.keys(unusable).length === 0 ? { ok: true, dates } : { ok: false, unusable };
}
/** A check whose dates are no dates: a warning that quotes them, and how to see and set them. */
function unusableDatesFinding(id, key, unusable, ctx) {
    const seen = Object.entries(unusable)
        .map(([attribute, value]) => `${ARM_ATTRIBUTE[attribute]} ${value}`)
        .join(' and ');
    return {
        id,
        outcome: 'warn',
        detail: `This cannot be decided: for key ${key.name} (version ${key.version}) Azure Resource Manager answered ${seen}, which is no date (Unix seconds of the years 1 to 9999).`,
        fix: `Look at the key's dates with ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .azKey */ .zZ)(ctx, 'show', '--query attributes')}; if they are wrong, set them, e.g. ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .azKey */ .zZ)(ctx, 'set-attributes', `--expires ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .suggestedExpiry */ .Zx)(ctx)}`)}, or rotate the key. ${(0,_key_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .dataPlaneNote */ .nh)(ctx, (0,_key_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .currentVersion */ .YO)(ctx, 'Set expiration date'))}`,
        evidence: { unusableDates: unusable }
    };
}


/***/ }),

/***/ 10886:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ readErrorEvidence),
/* harmony export */   U: () => (/* binding */ describeReadError)
/* harmony export */ });
/** "ARM GET vault answered 404: Vault not found", for one-sentence details. */
function describeReadError(error) {
    const answer = error.status === undefined ? 'failed' : `answered ${error.status}`;
    const message = error.message.trim().replace(/\.+$/, '');
    return message ? `${error.call} ${answer}: ${message}` : `${error.call} ${answer}`;
}
function readErrorEvidence(error) {
    return { call: error.call, status: error.status, kind: error.kind, message: error.message };
}


/***/ }),

/***/ 89049:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ skipped)
/* harmony export */ });
/**
 * A dependent check whose input facts are missing because `blockedBy` failed. It is neither a
 * warning nor a failure: the failed check already fails the run and says what it blocked.
 */
function skipped(id, blockedBy) {
    return {
        id,
        outcome: 'skipped',
        detail: `skipped: ${blockedBy} failed`,
        blockedBy,
        evidence: { skippedBecause: blockedBy }
    };
}


/***/ }),

/***/ 18359:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kd: () => (/* binding */ adobeIpFinding),
/* harmony export */   Sr: () => (/* binding */ networkFinding),
/* harmony export */   ak: () => (/* binding */ purgeProtectionFinding),
/* harmony export */   fL: () => (/* binding */ ADOBE_MONITORING_IP),
/* harmony export */   fg: () => (/* binding */ softDeleteFinding),
/* harmony export */   uR: () => (/* binding */ vaultFoundFinding),
/* harmony export */   uX: () => (/* binding */ rbacFinding)
/* harmony export */ });
/* harmony import */ var _data_plane_reach_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(18336);
/* harmony import */ var _ipv4_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6558);
/* harmony import */ var _read_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10886);



/** Adobe's documented monitoring address; it must reach vaults whose firewall restricts access. */
const ADOBE_MONITORING_IP = '20.88.123.53';
/** Adobe's CMK alert resolution reference: a blocked address is a "Key access failure", not a revocation. */
const BLOCKED_ADDRESS_ALERT = 'Adobe raises a "Key access failure" alert: a recoverable error, no data is purged, but Platform cannot use the key until the address is allowed.';
/** `az keyvault update` for a Key Vault, `az keyvault update-hsm` for a Managed HSM. */
function azKeyvaultUpdate(ctx, args, vault) {
    if (vault?.kind === 'managed-hsm')
        return `\`az keyvault update-hsm --subscription ${ctx.subscriptionId} --hsm-name ${ctx.keyVaultName} ${args}\``;
    return `\`az keyvault update --subscription ${ctx.subscriptionId} --name ${ctx.keyVaultName} ${args}\``;
}
/**
 * Adds an IP rule: `az keyvault network-rule add` takes `--name` for a Key Vault and `--hsm-name`
 * for a Managed HSM (the two are mutually exclusive, Azure CLI reference).
 */
function azAddIpRule(ctx, vault, ip) {
    const which = vault.kind === 'managed-hsm' ? '--hsm-name' : '--name';
    return `\`az keyvault network-rule add ${which} ${ctx.keyVaultName} --ip-address ${ip} --subscription ${ctx.subscriptionId}\``;
}
/** The most IP ranges a Managed HSM's firewall holds (Managed HSM network security docs). */
const HSM_IP_RULE_LIMIT = 10;
/**
 * A Managed HSM lets Adobe in one of two ways (Managed HSM network security docs): public access
 * from all networks, or its IP network firewall, a preview that needs subscription enablement
 * through an Azure support ticket and holds at most 10 IPv4 ranges. Without either it is
 * reachable through private endpoints only, which Adobe cannot use.
 */
function hsmAdobeIpFix(ctx, hsm) {
    const open = azKeyvaultUpdate(ctx, '--public-network-access Enabled --default-action Allow', hsm);
    const addRule = azAddIpRule(ctx, hsm, ADOBE_MONITORING_IP);
    const firewall = (0,_data_plane_reach_js__WEBPACK_IMPORTED_MODULE_0__/* .publicAccessDisabled */ .Ei)(hsm)
        ? `${azKeyvaultUpdate(ctx, '--public-network-access Enabled --default-action Deny --bypass AzureServices', hsm)}, then ${addRule}`
        : addRule;
    const ranges = hsm.networkAcls?.ipRules.length ?? 0;
    const full = ranges >= HSM_IP_RULE_LIMIT
        ? ` Its firewall already holds ${ranges} ranges, the most it takes: replace one with Adobe's address.`
        : '';
    return `Either open Managed HSM ${hsm.name} to all networks: ${open}; or allow Adobe's address through its IP network firewall: ${firewall}. That firewall is a preview: it needs subscription enablement through an Azure support ticket (naming the subscription and region), and holds at most ${HSM_IP_RULE_LIMIT} IPv4 ranges.${full}`;
}
/** "vault kv-x" or "Managed HSM mhsm-x", for details. */
function named(vault) {
    return vault.kind === 'managed-hsm' ? `Managed HSM ${vault.name}` : `vault ${vault.name}`;
}
function vaultFoundFinding(vault, ctx) {
    if (vault.ok) {
        return {
            id: 'vault.found',
            outcome: 'pass',
            detail: `${vault.value.kind === 'managed-hsm' ? 'Managed HSM' : 'Vault'} ${vault.value.name} found (${vault.value.id}) at ${vault.value.vaultUri}.`,
            evidence: {
                kind: vault.value.kind,
                id: vault.value.id,
                vaultUri: vault.value.vaultUri,
                tenantId: vault.value.tenantId
            }
        };
    }
    const where = ctx.resourceGroup
        ? `resource group ${ctx.resourceGroup} of subscription ${ctx.subscriptionId}`
        : `subscription ${ctx.subscriptionId}`;
    const fixes = {
        'not-found': `Check key-vault-name (${ctx.keyVaultName}), azure-subscription-id and azure-resource-group: no vault of that name was found in ${where}.`,
        forbidden: `Grant the action's Azure identity Microsoft.KeyVault/vaults/read (a Managed HSM: Microsoft.KeyVault/managedHSMs/read) on the vault, e.g. the Reader role on the vault or its resource group.`,
        error: 'Re-run the job; if the error persists, check the Azure Resource Manager endpoint and service health.'
    };
    return {
        id: 'vault.found',
        outcome: 'fail',
        detail: `Vault ${ctx.keyVaultName} could not be read: ${(0,_read_error_js__WEBPACK_IMPORTED_MODULE_1__/* .describeReadError */ .U)(vault.error)}.`,
        fix: fixes[vault.error.kind],
        evidence: (0,_read_error_js__WEBPACK_IMPORTED_MODULE_1__/* .readErrorEvidence */ .G)(vault.error)
    };
}
function softDeleteFinding(vault, ctx) {
    const evidence = { enableSoftDelete: vault.enableSoftDelete };
    if (vault.kind === 'managed-hsm') {
        return {
            id: 'vault.soft-delete',
            outcome: 'pass',
            detail: `Soft delete is always on for Managed HSM ${vault.name} (it cannot be turned off), with ${vault.softDeleteRetentionInDays ?? 90} days of retention.`,
            evidence: { ...evidence, softDeleteRetentionInDays: vault.softDeleteRetentionInDays }
        };
    }
    if (vault.enableSoftDelete === false) {
        return {
            id: 'vault.soft-delete',
            outcome: 'fail',
            detail: `Soft delete is disabled on vault ${vault.name}.`,
            fix: `Enable soft delete: ${azKeyvaultUpdate(ctx, '--enable-soft-delete true')}.`,
            evidence
        };
    }
    const days = vault.softDeleteRetentionInDays ?? 90;
    return {
        id: 'vault.soft-delete',
        outcome: 'pass',
        detail: `Soft delete is enabled on vault ${vault.name} with ${days} days of retention.`,
        evidence: { ...evidence, softDeleteRetentionInDays: vault.softDeleteRetentionInDays }
    };
}
function purgeProtectionFinding(vault, ctx) {
    const evidence = { enablePurgeProtection: vault.enablePurgeProtection };
    if (vault.enablePurgeProtection === true) {
        return {
            id: 'vault.purge-protection',
            outcome: 'pass',
            detail: `Purge protection is enabled on ${named(vault)}.`,
            evidence
        };
    }
    return {
        id: 'vault.purge-protection',
        outcome: 'fail',
        detail: `Purge protection is not enabled on ${named(vault)} (enablePurgeProtection is ${String(vault.enablePurgeProtection)}).`,
        fix: `Enable purge protection (it cannot be turned off again): ${azKeyvaultUpdate(ctx, '--enable-purge-protection true', vault)}.`,
        evidence
    };
}
function rbacFinding(vault, ctx) {
    if (vault.kind === 'managed-hsm') {
        return {
            id: 'vault.rbac',
            outcome: 'pass',
            detail: `Managed HSM ${vault.name} always authorises data-plane access with its local RBAC (it has no access policies); app.role reads its local role assignments.`,
            evidence: { kind: vault.kind, authorization: 'local RBAC' }
        };
    }
    const evidence = { enableRbacAuthorization: vault.enableRbacAuthorization };
    if (vault.enableRbacAuthorization === true) {
        return {
            id: 'vault.rbac',
            outcome: 'pass',
            detail: `Vault ${vault.name} uses Azure RBAC for data-plane access.`,
            evidence
        };
    }
    return {
        id: 'vault.rbac',
        outcome: 'fail',
        detail: `Vault ${vault.name} uses access policies instead of Azure RBAC (enableRbacAuthorization is ${String(vault.enableRbacAuthorization)}).`,
        fix: `Give every identity that uses the vault an equivalent Key Vault role first (access policies stop applying), then switch: ${azKeyvaultUpdate(ctx, '--enable-rbac-authorization true')}.`,
        evidence
    };
}
function capitalised(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
function networkEvidence(vault) {
    return {
        publicNetworkAccess: vault.publicNetworkAccess,
        defaultAction: vault.networkAcls?.defaultAction,
        bypass: vault.networkAcls?.bypass,
        ipRules: vault.networkAcls?.ipRules
    };
}
/*
 * Trusted-services bypass still applies when public network access is Disabled: the ARM property
 * reads "If set to 'disabled' all traffic except private endpoint traffic and that that originates
 * from trusted services will be blocked. This will override the set firewall rules" (Key Vault
 * VaultProperties.publicNetworkAccess, https://learn.microsoft.com/en-us/dotnet/api/azure.provisioning.keyvault.keyvaultproperties.publicnetworkaccess).
 * So Disabled is fine with bypass AzureServices, but IP rules are then not honoured (vault.adobe-ip).
 * The ARM docs say an unspecified bypass defaults to AzureServices; we still require the value
 * explicitly when access is restricted, since the check cannot tell a default from "None".
 */
function networkFinding(vault, ctx) {
    const disabled = (0,_data_plane_reach_js__WEBPACK_IMPORTED_MODULE_0__/* .publicAccessDisabled */ .Ei)(vault);
    const deny = (0,_data_plane_reach_js__WEBPACK_IMPORTED_MODULE_0__/* .firewallDeniesByDefault */ .jS)(vault);
    const evidence = networkEvidence(vault);
    if (!disabled && !deny) {
        return {
            id: 'vault.network',
            outcome: 'pass',
            detail: `${capitalised(named(vault))} accepts traffic from all networks (public network access ${vault.publicNetworkAccess ?? 'not set'}, firewall default action ${vault.networkAcls?.defaultAction ?? 'not set'}).`,
            evidence
        };
    }
    const restriction = disabled
        ? 'public network access is Disabled'
        : 'the firewall defaults to Deny';
    const bypass = vault.networkAcls?.bypass;
    if (bypass?.toLowerCase() === 'azureservices') {
        return {
            id: 'vault.network',
            outcome: 'pass',
            detail: `On ${named(vault)} ${restriction} and trusted Azure services may bypass it (bypass AzureServices).`,
            evidence
        };
    }
    return {
        id: 'vault.network',
        outcome: 'fail',
        detail: `On ${named(vault)} ${restriction} and trusted Azure services may not bypass it (bypass ${bypass ?? 'not set'}).`,
        fix: `Allow trusted Microsoft services to bypass the firewall: ${azKeyvaultUpdate(ctx, '--bypass AzureServices', vault)}.`,
        evidence
    };
}
function adobeIpFinding(vault, ctx) {
    const disabled = (0,_data_plane_reach_js__WEBPACK_IMPORTED_MODULE_0__/* .publicAccessDisabled */ .Ei)(vault);
    const deny = (0,_data_plane_reach_js__WEBPACK_IMPORTED_MODULE_0__/* .firewallDeniesByDefault */ .jS)(vault);
    const ipRules = vault.networkAcls?.ipRules ?? [];
    const allowingRule = ipRules.find(rule => (0,_ipv4_js__WEBPACK_IMPORTED_MODULE_2__/* .ipv4RuleAllows */ .c)(rule, ADOBE_MONITORING_IP));
    const evidence = { ...networkEvidence(vault), allowingRule };
    if (!disabled && !deny) {
        return {
            id: 'vault.adobe-ip',
            outcome: 'pass',
            detail: `${capitalised(named(vault))} does not restrict public access, so Adobe's monitoring address ${ADOBE_MONITORING_IP} can reach it.`,
            evidence
        };
    }
    if (disabled) {
        const rulesNote = allowingRule ? `, which overrides its IP rule ${allowingRule}` : '';
        return {
            id: 'vault.adobe-ip',
            outcome: 'fail',
            detail: `Public network access is Disabled on ${named(vault)}${rulesNote}, so Adobe (${ADOBE_MONITORING_IP}) cannot reach the key: "even with correct permissions, a blocked IP will prevent key access" (Adobe). ${BLOCKED_ADDRESS_ALERT}`,
            fix: vault.kind === 'managed-hsm'
                ? hsmAdobeIpFix(ctx, vault)
                : `Enable public access with a deny-by-default firewall and allow the address: ${azKeyvaultUpdate(ctx, '--public-network-access Enabled --default-action Deny --bypass AzureServices', vault)}, then ${azAddIpRule(ctx, vault, ADOBE_MONITORING_IP)}.`,
            evidence
        };
    }
    if (allowingRule) {
        return {
            id: 'vault.adobe-ip',
            outcome: 'pass',
            detail: `The firewall of ${named(vault)} allows Adobe's monitoring address ${ADOBE_MONITORING_IP} through IP rule ${allowingRule}.`,
            evidence
        };
    }
    return {
        id: 'vault.adobe-ip',
        outcome: 'fail',
        detail: `The firewall of ${named(vault)} defaults to Deny and none of its ${ipRules.length} IP rules allows Adobe's address ${ADOBE_MONITORING_IP}: "even with correct permissions, a blocked IP will prevent key access" (Adobe; Adobe is not a trusted Azure service, so the bypass does not let it in). ${BLOCKED_ADDRESS_ALERT}`,
        fix: vault.kind === 'managed-hsm'
            ? hsmAdobeIpFix(ctx, vault)
            : `Allow the address: ${azAddIpRule(ctx, vault, ADOBE_MONITORING_IP)}.`,
        evidence
    };
}


/***/ }),

/***/ 35573:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R3: () => (/* binding */ consentRefusal),
/* harmony export */   kl: () => (/* binding */ consentLinkFor)
/* harmony export */ });
/* unused harmony exports tenantConsentUrl, judgeConsentUrl */
/** Adobe's consent URL uses /common/; pointing it at the vault's tenant makes consent land in the right directory. */
function tenantConsentUrl(redirectUrl, tenantId) {
    if (!redirectUrl || !tenantId)
        return redirectUrl;
    return redirectUrl.replace('/common/', `/${tenantId}/`);
}
/**
 * Adobe's consent URL for the vault's tenant, judged once for every place that shows it (the
 * app.consented fix, output consent-url, the summary, the JSON report).
 */
function consentLinkFor(redirectUrl, tenantId, authorityHost) {
    const url = tenantConsentUrl(redirectUrl, tenantId);
    return url ? judgeConsentUrl(url, authorityHost) : undefined;
}
/**
 * Judges a consent URL against the configured authority host (AEP_CMK_AUTHORITY_HOST or AZURE_AUTHORITY_HOST:
 * login.microsoftonline.com in the public cloud). The same scheme and host, port included, and no
 * user name in front of the host (`https://login.microsoftonline.com@evil.example/` is evil.example;
 * `https://x@login.microsoftonline.com/` is refused too: Entra's link never carries one).
 */
function judgeConsentUrl(url, authorityHost) {
    const signInHost = hostOf(authorityHost) ?? authorityHost;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return { kind: 'elsewhere', host: '(not a URL)', signInHost };
    }
    const entra = parsed.protocol === 'https:' &&
        parsed.host === signInHost &&
        parsed.username === '' &&
        parsed.password === '';
    if (entra)
        return { kind: 'entra', url };
    // A host may hold a backtick or Markdown punctuation: shown as '?', it cannot end the code span.
    const shown = parsed.host.replace(/[^a-z0-9.:\-[\]]/gi, '?');
    const host = parsed.protocol === 'https:'
        ? shown || '(no host)'
        : shown
            ? `${parsed.protocol}//${shown}`
            : parsed.protocol;
    return { kind: 'elsewhere', host, signInHost };
}
/**
 * Why a consent URL is not offered, and how consent can be given instead. The host is inline code
 * so that no Markdown renderer turns it into a link after all.
 */
function consentRefusal(link, applicationId) {
    const app = applicationId ?? '<application id>';
    return (`Adobe's consent URL points at \`${link.host}\`, not Entra's sign-in host \`${link.signInHost}\`, so it is not shown as a link to follow: ` +
        `only Entra's sign-in page may ask for consent. An administrator of the vault's tenant can create the CMK app's service principal instead ` +
        `with \`az ad sp create --id ${app}\` (or input remediate: service-principal), then re-run the job.`);
}
function hostOf(url) {
    try {
        return new URL(url).host;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 1374:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LK: () => (/* binding */ isDocumentedStatus),
/* harmony export */   LT: () => (/* binding */ isInProgress),
/* harmony export */   iP: () => (/* binding */ CONFIG_STATUSES)
/* harmony export */ });
const CONFIG_STATUSES = [
    'NEW',
    'RUNNING',
    'UPDATE_EXISTING_RESOURCES',
    'COMPLETED',
    'FAILED'
];
function isDocumentedStatus(status) {
    return CONFIG_STATUSES.includes(status);
}
/** Whether Adobe is still working on it: NEW, RUNNING, UPDATE_EXISTING_RESOURCES or undocumented. */
function isInProgress(status) {
    return status !== 'COMPLETED' && status !== 'FAILED';
}


/***/ }),

/***/ 1396:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ guardedKeyHash)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * A stable id of the guarded key, and with a check id of one finding about it. Vault and key names
 * are case-insensitive in Azure, so they are lower-cased; the org id is kept as given.
 */
function guardedKeyHash(key, checkId) {
    const parts = [key.orgId, key.vaultName.toLowerCase(), key.keyName.toLowerCase()];
    if (checkId !== undefined)
        parts.push(checkId);
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(JSON.stringify(parts)).digest('hex');
}


/***/ }),

/***/ 7049:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ writeRegularFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/**
 * Writes text to a regular file, creating it and missing parent directories; an existing regular
 * file is replaced. Anything else at that path is refused, without blocking: a symbolic link (one
 * committed in a pull request would otherwise make the run overwrite its target), a named pipe
 * nobody reads (opening it for writing waits for a reader), a device.
 *
 * `workspace` (the working directory, where a checkout puts the repository) bounds the directories
 * that are checked for links: a link above it (macOS's /tmp, a runner's own layout) is the
 * machine's, not the repository's.
 */
async function writeRegularFile(path, text, workspace = process.cwd()) {
    await refuseLinkedDirectories(path, workspace);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), { recursive: true });
    // O_NOFOLLOW: opening a link fails (ELOOP) in the same system call that would follow it, so
    // nothing can swap a link in between a check and the write. O_NONBLOCK: opening a FIFO without a
    // reader fails (ENXIO) instead of waiting; a regular file is unaffected. Not truncated on open:
    // only once it is known to be a regular file.
    const flags = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_WRONLY |
        node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_CREAT |
        (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK ?? 0) |
        (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW ?? 0);
    // Windows has no O_NOFOLLOW: there the link is looked for first, the best its API allows.
    if (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW === undefined && (await isLink(path)))
        throw new Error(`${path} is a symbolic link, not a regular file`);
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, flags, 0o644);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENXIO')
            throw new Error(`${path} is a named pipe, not a regular file`, { cause: error });
        // ELOOP on Linux and macOS; FreeBSD answers EMLINK.
        if ((code === 'ELOOP' || code === 'EMLINK') && (await isLink(path)))
            throw new Error(`${path} is a symbolic link, not a regular file`, { cause: error });
        throw error;
    }
    try {
        const stats = await handle.stat();
        if (!stats.isFile())
            throw new Error(`${path} is ${stats.isFIFO() ? 'a named pipe' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : stats.isSocket() ? 'a socket' : 'something else'}, not a regular file`);
        await handle.truncate(0);
        await handle.writeFile(text, 'utf8');
    }
    finally {
        await handle.close();
    }
}
/**
 * Refuses a path through a linked directory below the workspace (`reports -> /elsewhere`).
 * Node has no openat(), so directories are looked at before the write rather than opened one by
 * one: the threat is a link committed to the repository, which is in place before the run starts.
 */
async function refuseLinkedDirectories(path, workspace) {
    const below = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(workspace), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path)));
    if (below === '' || below === '..' || below.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_2__.sep}`) || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(below))
        return;
    let current = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(workspace);
    for (const part of below.split(node_path__WEBPACK_IMPORTED_MODULE_2__.sep)) {
        current = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(current, part);
        let stats;
        try {
            stats = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(current);
        }
        catch {
            return; // missing from here down: mkdir creates real directories
        }
        if (stats.isSymbolicLink()) {
            const shown = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(path) ? current : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(process.cwd(), current);
            throw new Error(`${shown} is a symbolic link, not a directory`);
        }
    }
}
async function isLink(path) {
    try {
        return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(path)).isSymbolicLink();
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 17393:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SARIF_SCHEMA: () => (/* binding */ SARIF_SCHEMA),
  blockedSarifCategory: () => (/* binding */ blockedSarifCategory),
  buildSarif: () => (/* binding */ buildSarif),
  sarifCategory: () => (/* binding */ sarifCategory),
  sarifRun: () => (/* binding */ sarifRun),
  writeSarif: () => (/* binding */ writeSarif)
});

// EXTERNAL MODULE: ./src/safety/secrets.ts
var secrets = __webpack_require__(81455);
;// CONCATENATED MODULE: ./src/report/action-version.ts
/** This action's version, as in package.json (a unit test keeps the two equal). */
const ACTION_VERSION = '1.0.0';
/** The name code scanning shows as the tool. */
const ACTION_NAME = 'aep-cmk-azure-action';

// EXTERNAL MODULE: ./src/checks/check-catalog.ts + 35 modules
var check_catalog = __webpack_require__(47675);
;// CONCATENATED MODULE: ./src/report/check-rules.ts

/**
 * The highest `security-severity` a warning may rank at. Code scanning ranks a result by its
 * rule's score whatever the result's level, and reads the score from the rule only (GitHub's
 * "SARIF support for code scanning" lists it under reportingDescriptor, not result). A warning
 * says the check could not decide, or found a risk short of a failure: it stays medium, and at
 * 5.0 it ranks above no failure (the sign-in checks, the lowest, score 5.0).
 */
const WARNING_SEVERITY_CAP = 5.0;
function warningRuleId(check) {
    return `${check}/warning`;
}
/**
 * Every check's rule, with the check's own score (what its failures rank at), and, for a check
 * that scores above the cap, a second rule its warnings report under, ranked at the cap. A check
 * at or below the cap (e.g. key.rotation) reports its warnings under its own rule.
 */
const SARIF_RULES = (0,check_catalog/* checkDefinitions */.vs)().flatMap(({ id, rule }) => {
    const own = { ...rule, id, check: id };
    if (rule.securitySeverity <= WARNING_SEVERITY_CAP)
        return [own];
    const warning = {
        ...rule,
        id: warningRuleId(id),
        check: id,
        short: `${rule.short} (warning)`,
        full: `${rule.full} This rule holds the check's warnings: it could not decide, or found a risk short of a failure, so it ranks at most medium.`,
        securitySeverity: WARNING_SEVERITY_CAP
    };
    return [own, warning];
});
/** The rule a failed or warned check's result reports under. */
function sarifRuleId(check, outcome) {
    const warning = warningRuleId(check);
    return outcome === 'warn' && SARIF_RULES.some(rule => rule.id === warning) ? warning : check;
}

// EXTERNAL MODULE: ./src/report/guarded-key.ts
var guarded_key = __webpack_require__(1396);
// EXTERNAL MODULE: ./src/report/regular-file.ts
var regular_file = __webpack_require__(7049);
// EXTERNAL MODULE: ./src/report/skipped-lines.ts
var skipped_lines = __webpack_require__(97020);
;// CONCATENATED MODULE: ./src/report/sarif.ts






const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The fingerprint of our own that names what it is; code scanning reads only the line hash. */
const CHECK_FINGERPRINT = 'aepCmkCheck/v1';
/** The code scanning category of a guarded key: one analysis per vault and key. */
function sarifCategory(key) {
    return `aep-cmk/${key.vaultName.toLowerCase()}/${key.keyName.toLowerCase()}/`;
}
/** The category of the failures that kept other checks from being decided. */
function blockedSarifCategory(key) {
    return `${sarifCategory(key)}blocked/`;
}
/**
 * The SARIF 2.1.0 file of one run, as GitHub code scanning takes it. Code scanning closes, as
 * fixed, every alert whose result is missing from a later upload of the same category ("SARIF
 * support for code scanning"), so:
 * - when every check was decided, the key's category holds one result per failed or warned
 *   check (a passing run has none: that is how earlier alerts close), and the blocked category
 *   is uploaded empty, closing what an earlier blocked run opened;
 * - when a failure kept checks from being decided (a throttled sign-in is enough), the key's
 *   category is left out, so the alerts of the skipped checks stay as they are, and the
 *   blocking failures go to the blocked category, where they still reach code scanning.
 * Two runs with distinct categories in one file are within GitHub's limits (20 runs a file; one
 * run per tool and category).
 */
function buildSarif(findings, key, location, strict) {
    const blocking = (0,skipped_lines/* skippedBy */.k)(findings);
    const runs = blocking.size === 0
        ? [
            sarifRun(findings, key, location, strict, sarifCategory(key)),
            sarifRun([], key, location, strict, blockedSarifCategory(key))
        ]
        : [
            sarifRun(findings.filter(f => blocking.has(f.id)), key, location, strict, blockedSarifCategory(key))
        ];
    return { $schema: SARIF_SCHEMA, version: '2.1.0', runs };
}
/**
 * One run: every check as a rule, one result per failed or warned check (with strict, warnings
 * are errors, as in the annotations), under `category`.
 */
function sarifRun(findings, key, location, strict, category) {
    const rules = SARIF_RULES.map(rule => {
        return {
            id: rule.id,
            name: rule.id,
            shortDescription: { text: rule.short },
            fullDescription: { text: rule.full },
            help: { text: rule.help, markdown: `${rule.full}\n\n**Fix:** ${rule.help}` },
            defaultConfiguration: { level: 'error' },
            properties: {
                tags: ['security', 'customer-managed-keys'],
                precision: 'very-high',
                'security-severity': rule.securitySeverity.toFixed(1)
            }
        };
    });
    const results = [];
    for (const finding of findings) {
        const level = finding.outcome === 'fail' || (finding.outcome === 'warn' && strict)
            ? 'error'
            : finding.outcome === 'warn'
                ? 'warning'
                : undefined;
        if (!level)
            continue;
        const hash = (0,guarded_key/* guardedKeyHash */.W)(key, finding.id);
        const ruleId = sarifRuleId(finding.id, finding.outcome === 'warn' ? 'warn' : 'fail');
        results.push({
            ruleId,
            ruleIndex: rules.findIndex(rule => rule.id === ruleId),
            level,
            message: { text: messageOf(finding, key) },
            locations: [
                {
                    physicalLocation: {
                        artifactLocation: { uri: location.uri },
                        region: {
                            startLine: location.startLine,
                            startColumn: location.startColumn,
                            endLine: location.endLine,
                            endColumn: location.endColumn
                        }
                    }
                }
            ],
            // Code scanning matches alerts by primaryLocationLineHash only. Left to upload-sarif, it
            // would hash the workflow line, so editing the step (say, a new action version) would
            // close every alert and open it again. Derived from org, vault, key and check instead, an
            // alert stays one alert until the check passes. (upload-sarif logs that its own hash of
            // the line differs; it keeps ours.)
            partialFingerprints: {
                primaryLocationLineHash: `${hash.slice(0, 16)}:1`,
                [CHECK_FINGERPRINT]: hash
            },
            properties: { vault: key.vaultName, key: key.keyName }
        });
    }
    return {
        tool: {
            driver: {
                name: ACTION_NAME,
                version: ACTION_VERSION,
                semanticVersion: ACTION_VERSION,
                rules
            }
        },
        automationDetails: { id: category },
        results
    };
}
function messageOf(finding, key) {
    const detail = finding.detail.trim();
    const sentence = /[.!?]$/.test(detail) ? detail : `${detail}.`;
    const where = `${key.vaultName}/${key.keyName}: `;
    return finding.fix ? `${where}${sentence} Fix: ${finding.fix}` : `${where}${sentence}`;
}
/**
 * Writes the SARIF file, creating missing parent directories; known secrets never reach it, and,
 * like the JSON report, a named pipe or device at that path is refused instead of holding the run.
 */
async function writeSarif(path, log) {
    await (0,regular_file/* writeRegularFile */.E)(path, (0,secrets/* redact */.E$)(JSON.stringify(log, null, 2)) + '\n');
}


/***/ }),

/***/ 97020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ skippedLines),
/* harmony export */   k: () => (/* binding */ skippedBy)
/* harmony export */ });
/** The skipped checks grouped by the failed check that blocked them, in finding order. */
function skippedBy(findings) {
    const groups = new Map();
    for (const f of findings) {
        if (f.outcome !== 'skipped')
            continue;
        groups.set(f.blockedBy, [...(groups.get(f.blockedBy) ?? []), f.id]);
    }
    return groups;
}
/** One line per blocking check: "13 checks skipped because vault.found failed". */
function skippedLines(findings) {
    return [...skippedBy(findings)].map(([root, ids]) => `${ids.length} ${ids.length === 1 ? 'check' : 'checks'} skipped because ${root} failed`);
}


/***/ })

};
