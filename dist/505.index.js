export const id = 505;
export const ids = [505];
export const modules = {

/***/ 32746:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ readServicePrincipal)
/* harmony export */ });
/* harmony import */ var _http_json_request_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70955);
/* harmony import */ var _http_service_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1537);
/* harmony import */ var _safety_neutralize_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77059);



/** The CMK app's service principal in the tenant, or null when the app was never consented to. */
async function readServicePrincipal(credential, graphEndpoint, appId, http) {
    const token = await credential.getToken(`${graphEndpoint}/.default`, {
        abortSignal: http.signal
    });
    if (!token)
        throw new _http_service_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ServiceError */ ._('Microsoft Graph token request', undefined, 'no token returned');
    const { status, body } = await (0,_http_json_request_js__WEBPACK_IMPORTED_MODULE_0__/* .requestJson */ .S)({
        call: 'Microsoft Graph GET service principal',
        method: 'GET',
        url: `${graphEndpoint}/v1.0/servicePrincipals(appId='${encodeURIComponent(appId)}')?$select=id,appId,displayName`,
        headers: { Authorization: `Bearer ${token.token}` },
        allow404: true,
        http
    });
    if (status === 404)
        return null;
    const sp = body;
    if (typeof sp?.id !== 'string')
        throw new _http_service_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ServiceError */ ._('Microsoft Graph GET service principal', status, 'the answer has no id');
    // Believed only as far as it matches the request: another app's principal is never the CMK app's.
    if (typeof sp.appId === 'string' && sp.appId.toLowerCase() !== appId.toLowerCase())
        throw new _http_service_error_js__WEBPACK_IMPORTED_MODULE_1__/* .ServiceError */ ._('Microsoft Graph GET service principal', status, `the answer names application ${(0,_safety_neutralize_js__WEBPACK_IMPORTED_MODULE_2__/* .neutralize */ .Y)(sp.appId)}, not ${appId}`);
    return {
        objectId: sp.id,
        source: 'graph',
        appId: typeof sp.appId === 'string' ? sp.appId : undefined,
        displayName: typeof sp.displayName === 'string' ? sp.displayName : undefined
    };
}


/***/ }),

/***/ 36366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ readVault)
/* harmony export */ });
/* unused harmony export VAULT_LISTING_PAGES */
/* harmony import */ var _azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1818);
/* harmony import */ var _http_capped_pages_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17233);
/* harmony import */ var _http_failed_call_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77573);
/* harmony import */ var _http_service_error_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1537);




/**
 * Pages of each ARM listing of the vault look-up read before it fails. None of them has a
 * documented page size, so the cap is set from the documented limits (Azure subscription and
 * service limits; Key Vault service limits):
 * - the resource query by name: at most one hit per resource group and type, and a subscription
 *   holds at most 980 resource groups, so 1,960 hits;
 * - Key Vaults by subscription: no limit per subscription is documented (only 800 per resource
 *   group and type; MicrosoftDocs/azure-docs#16315); 1,000 pages of 25 (the simulator's page)
 *   are 25,000 vaults, more than any estate we plan for, and this listing is only the fallback
 *   when the resource query finds nothing;
 * - Managed HSMs by subscription: at most 5 per subscription and region.
 */
const VAULT_LISTING_PAGES = 1_000;
const RESOURCE_TYPES = {
    vault: 'Microsoft.KeyVault/vaults',
    'managed-hsm': 'Microsoft.KeyVault/managedHSMs'
};
/** The types a lookup accepts, in the order `auto` prefers them (a Key Vault first). */
function wanted(type) {
    return type === 'auto' ? ['vault', 'managed-hsm'] : [type];
}
/**
 * Reads the vault's management-plane settings. With a resource group: one GET (under `auto`, a
 * Managed HSM GET follows only when no Key Vault of that name exists, so a Key Vault user sees no
 * extra request). Without: one generic resource query filtered by name finds the vault and its
 * resource group whatever the subscription's size, then one GET; the provider listings are the
 * fallback, only when that query finds nothing (ARM's generic listing can lag behind a vault
 * created minutes ago).
 */
async function readVault(clients, lookup, abortSignal) {
    const types = wanted(lookup.type);
    if (lookup.resourceGroup)
        return getInGroup(clients, lookup, lookup.resourceGroup, abortSignal);
    const found = await findByName(clients.resources, lookup.name, types, abortSignal);
    if (found)
        return getVault(clients, found.type, found.resourceGroup, lookup.name, abortSignal);
    for (const type of types) {
        const listed = await listedByName(clients, type, lookup.name, abortSignal);
        if (listed)
            return listed;
    }
    const what = types.map(type => (type === 'vault' ? 'Key Vault' : 'Managed HSM')).join(' or ');
    throw notFound('ARM find vault in subscription', `no ${what} named "${lookup.name}" in the subscription (or the identity cannot see it); set azure-resource-group to read it directly`);
}
async function getInGroup(clients, lookup, resourceGroup, abortSignal) {
    const [first, second] = wanted(lookup.type);
    try {
        return await getVault(clients, first ?? 'vault', resourceGroup, lookup.name, abortSignal);
    }
    catch (error) {
        if (!second || !isNotFound(error))
            throw error;
    }
    try {
        return await getVault(clients, second, resourceGroup, lookup.name, abortSignal);
    }
    catch (error) {
        if (!isNotFound(error))
            throw error;
        throw notFound('ARM GET vault', `no Key Vault or Managed HSM named "${lookup.name}" in resource group ${resourceGroup}`);
    }
}
function notFound(call, message) {
    return new _http_failed_call_js__WEBPACK_IMPORTED_MODULE_2__/* .FailedCall */ .o(call, new _http_service_error_js__WEBPACK_IMPORTED_MODULE_3__/* .ServiceError */ ._(call, 404, message));
}
function isNotFound(error) {
    const cause = error instanceof _http_failed_call_js__WEBPACK_IMPORTED_MODULE_2__/* .FailedCall */ .o ? error.cause : error;
    return ((cause instanceof _azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .RestError */ .pj && cause.statusCode === 404) ||
        (cause instanceof _http_service_error_js__WEBPACK_IMPORTED_MODULE_3__/* .ServiceError */ ._ && cause.status === 404));
}
async function getVault(clients, type, resourceGroup, name, abortSignal) {
    const arm = clients.keyVaultManagement;
    if (type === 'vault') {
        const vault = await _http_failed_call_js__WEBPACK_IMPORTED_MODULE_2__/* .FailedCall */ .o.wrap('ARM GET vault', () => arm.vaults.get(resourceGroup, name, { abortSignal }));
        return toVaultFacts(vault);
    }
    const hsm = await _http_failed_call_js__WEBPACK_IMPORTED_MODULE_2__/* .FailedCall */ .o.wrap('ARM GET managed HSM', () => arm.managedHsms.get(resourceGroup, name, { abortSignal }));
    return toManagedHsmFacts(hsm);
}
/**
 * One `GET /subscriptions/<sub>/resources?$filter=name eq '<name>'`. ARM combines a name filter
 * with nothing else (its documented combinations are substringof and/or resourceType, plan, and
 * identity), so the resource types are picked here; under `auto` a Key Vault wins.
 */
async function findByName(resources, name, types, abortSignal) {
    const hits = [];
    const call = 'ARM list resources by name';
    await _http_failed_call_js__WEBPACK_IMPORTED_MODULE_2__/* .FailedCall */ .o.wrap(call, async () => {
        const pages = resources.resources.list({ filter: `name eq '${name}'`, abortSignal }).byPage();
        for await (const page of (0,_http_capped_pages_js__WEBPACK_IMPORTED_MODULE_1__/* .cappedPages */ .y)(pages, call, VAULT_LISTING_PAGES)) {
            for (const resource of page) {
                if (resource.name?.toLowerCase() !== name.toLowerCase())
                    continue;
                const type = types.find(t => RESOURCE_TYPES[t].toLowerCase() === resource.type?.toLowerCase());
                const resourceGroup = resourceGroupOf(resource.id);
                if (type && resourceGroup)
                    hits.push({ type, resourceGroup });
            }
        }
    });
    return types.map(type => hits.find(hit => hit.type === type)).find(hit => hit !== undefined);
}
function resourceGroupOf(id) {
    return /\/resourceGroups\/([^/]+)\//i.exec(id ?? '')?.[1];
}
async function listedByName(clients, type, name, abortSignal) {
    const arm = clients.keyVaultManagement;
    const named = (resource) => resource.name?.toLowerCase() === name.toLowerCase();
    if (type === 'vault') {
        const vault = await firstListed('ARM list vaults in subscription', arm.vaults.listBySubscription({ abortSignal }).byPage(), named);
        return vault && toVaultFacts(vault);
    }
    const hsm = await firstListed('ARM list managed HSMs in subscription', arm.managedHsms.listBySubscription({ abortSignal }).byPage(), named);
    return hsm && toManagedHsmFacts(hsm);
}
/** The first item of a paged listing that matches, reading no further than it. */
function firstListed(call, pages, matches) {
    return _http_failed_call_js__WEBPACK_IMPORTED_MODULE_2__/* .FailedCall */ .o.wrap(call, async () => {
        for await (const page of (0,_http_capped_pages_js__WEBPACK_IMPORTED_MODULE_1__/* .cappedPages */ .y)(pages, call, VAULT_LISTING_PAGES)) {
            const found = page.find(matches);
            if (found)
                return found;
        }
        return undefined;
    });
}
function networkAcls(acls) {
    return acls
        ? {
            bypass: acls.bypass,
            defaultAction: acls.defaultAction,
            ipRules: (acls.ipRules ?? []).map(rule => rule.value),
            virtualNetworkRules: (acls.virtualNetworkRules ?? []).map(rule => rule.id)
        }
        : undefined;
}
function toVaultFacts(vault) {
    const p = vault.properties;
    if (!vault.id || !p?.vaultUri)
        throw new _http_service_error_js__WEBPACK_IMPORTED_MODULE_3__/* .ServiceError */ ._('ARM GET vault', 200, 'the answer has no id or properties.vaultUri');
    return {
        kind: 'vault',
        id: vault.id,
        name: vault.name ?? '',
        location: vault.location,
        tenantId: p.tenantId,
        vaultUri: p.vaultUri,
        skuName: p.sku?.name,
        enableSoftDelete: p.enableSoftDelete,
        softDeleteRetentionInDays: p.softDeleteRetentionInDays,
        enablePurgeProtection: p.enablePurgeProtection,
        enableRbacAuthorization: p.enableRbacAuthorization,
        publicNetworkAccess: p.publicNetworkAccess,
        networkAcls: networkAcls(p.networkAcls)
    };
}
/** A Managed HSM's soft delete is always on (the property is immutable); it has no access policies. */
function toManagedHsmFacts(hsm) {
    const p = hsm.properties;
    if (!hsm.id || !p?.hsmUri)
        throw new _http_service_error_js__WEBPACK_IMPORTED_MODULE_3__/* .ServiceError */ ._('ARM GET managed HSM', 200, 'the answer has no id or properties.hsmUri');
    return {
        kind: 'managed-hsm',
        id: hsm.id,
        name: hsm.name ?? '',
        location: hsm.location,
        tenantId: p.tenantId ?? '',
        vaultUri: p.hsmUri,
        skuName: hsm.sku?.name,
        enableSoftDelete: p.enableSoftDelete ?? true,
        softDeleteRetentionInDays: p.softDeleteRetentionInDays,
        enablePurgeProtection: p.enablePurgeProtection,
        enableRbacAuthorization: undefined,
        publicNetworkAccess: p.publicNetworkAccess,
        networkAcls: networkAcls(p.networkAcls)
    };
}


/***/ }),

/***/ 77573:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ FailedCall)
/* harmony export */ });
/**
 * An error thrown by one of several calls a reader makes, labelled with that call (e.g. "ARM GET
 * managed HSM"), so that the read's error names the call that failed rather than the read as a
 * whole. toReadError unwraps it.
 */
class FailedCall extends Error {
    call;
    cause;
    constructor(call, cause) {
        super(`${call} failed`);
        this.call = call;
        this.cause = cause;
        this.name = 'FailedCall';
    }
    /** Runs `work`, labelling what it throws with `call` (an already labelled error keeps its label). */
    static async wrap(call, work) {
        try {
            return await work();
        }
        catch (error) {
            throw error instanceof FailedCall ? error : new FailedCall(call, error);
        }
    }
}


/***/ }),

/***/ 27505:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gatherFacts: () => (/* binding */ gatherFacts),
  readAppAccess: () => (/* binding */ readAppAccess),
  readKeyFacts: () => (/* binding */ readKeyFacts)
});

// EXTERNAL MODULE: ./src/safety/describe-value.ts
var describe_value = __webpack_require__(4933);
// EXTERNAL MODULE: ./src/clients/http/service-error.ts
var service_error = __webpack_require__(1537);
;// CONCATENATED MODULE: ./src/clients/azure/key-reader.ts


/**
 * Reads the key's current version through ARM (`@azure/arm-keyvault` keys.get): a
 * management-plane read that Reader's `*\/read` allows and the vault firewall does not apply to.
 */
async function readArmKey(client, vaultId, vaultName, keyName, abortSignal) {
    const key = await client.keys.get(resourceGroupOf(vaultId), vaultName, keyName, { abortSignal });
    return armKeyFacts(key, 'ARM GET key');
}
/**
 * Reads the key of a Managed HSM through ARM (`managedHsmKeys.get`,
 * `.../managedHSMs/<hsm>/keys/<key>`): the same management-plane read as a vault's key.
 */
async function readArmHsmKey(client, hsmId, hsmName, keyName, abortSignal) {
    const key = await client.managedHsmKeys.get(resourceGroupOf(hsmId), hsmName, keyName, {
        abortSignal
    });
    return armKeyFacts(key, 'ARM GET managed HSM key');
}
/** ARM's key resource as facts; `call` names the read in the error an unusable answer raises. */
function armKeyFacts(resource, call) {
    const uri = resource.keyUriWithVersion;
    if (!uri)
        throw new service_error/* ServiceError */._(call, 200, 'the answer has no properties.keyUriWithVersion');
    // ARM writes the default port (https://<vault>.vault.azure.net:443/keys/…); Adobe and users
    // know the identifier without it, and URL drops it.
    const id = new URL(uri).href;
    const version = id.split('/').pop() ?? '';
    const keyType = resource.kty ?? '';
    const attributes = resource.attributes ?? {};
    return {
        key: {
            id,
            name: resource.name ?? '',
            version,
            keyType,
            keySize: /^RSA(-HSM)?$/i.test(keyType) ? resource.keySize : undefined,
            keyOperations: resource.keyOps ?? [],
            // ARM omits nothing here in practice; an absent flag means enabled, as on the data plane.
            enabled: attributes.enabled !== false,
            notBefore: fromUnixSeconds(attributes.notBefore),
            expiresOn: fromUnixSeconds(attributes.expires),
            createdOn: fromUnixSeconds(attributes.created)
        },
        rotationPolicy: resource.rotationPolicy && {
            source: 'arm',
            expiryTime: resource.rotationPolicy.attributes?.expiryTime,
            lifetimeActions: (resource.rotationPolicy.lifetimeActions ?? []).map((a) => ({
                action: (a.action?.type ?? '').toLowerCase(),
                timeAfterCreate: a.trigger?.timeAfterCreate,
                timeBeforeExpiry: a.trigger?.timeBeforeExpiry
            }))
        }
    };
}
/*
 * The years a key's dates can have: 1 to 9999, what Key Vault's answers and the Azure CLI's
 * date-times hold (the REST reference only says "IntDate", Unix seconds, and gives no range).
 * Outside it a value is kept as sent, for the checks to quote, instead of becoming an Invalid
 * Date that throws wherever it is printed.
 */
const FIRST_SECOND = -62135596800; // 0001-01-01T00:00:00Z
const LAST_SECOND = 253402300799; // 9999-12-31T23:59:59Z
function fromUnixSeconds(seconds) {
    if (seconds === undefined || seconds === null)
        return undefined;
    if (typeof seconds !== 'number' || !(seconds >= FIRST_SECOND && seconds <= LAST_SECOND))
        return { unusable: (0,describe_value/* describeValue */.b)(seconds) };
    return new Date(seconds * 1000);
}
/** The resource group named in an ARM resource id. */
function resourceGroupOf(resourceId) {
    const group = /\/resourceGroups\/([^/]+)/i.exec(resourceId)?.[1];
    if (!group)
        throw new service_error/* ServiceError */._('ARM GET key', 200, `no resource group in id ${resourceId}`);
    return group;
}

// EXTERNAL MODULE: ./node_modules/@azure/core-rest-pipeline/dist/esm/index.js + 37 modules
var esm = __webpack_require__(1818);
// EXTERNAL MODULE: ./node_modules/@azure/keyvault-keys/dist/esm/index.js + 37 modules
var dist_esm = __webpack_require__(61090);
// EXTERNAL MODULE: ./src/clients/azure/sdk-client-options.ts + 2 modules
var sdk_client_options = __webpack_require__(93326);
;// CONCATENATED MODULE: ./src/clients/azure/rotation-policy-reader.ts



/**
 * Reads the key's rotation policy on the data plane, at the vaultUri ARM returned. Only for keys
 * whose ARM answer has none: it needs keys/get on the data plane and the vault firewall refuses it
 * like any data-plane call. Null: the service has no policy for the key (404).
 */
async function readRotationPolicy(credential, vaultUri, keyName, http) {
    const client = new dist_esm/* KeyClient */.xp(vaultUri, credential, (0,sdk_client_options/* azureClientOptions */.r)('api', http));
    try {
        const policy = await client.getKeyRotationPolicy(keyName, { abortSignal: http.signal });
        return {
            source: 'data-plane',
            expiryTime: policy.expiresIn,
            lifetimeActions: (policy.lifetimeActions ?? []).map(a => ({
                action: String(a.action).toLowerCase(),
                timeAfterCreate: a.timeAfterCreate,
                timeBeforeExpiry: a.timeBeforeExpiry
            }))
        };
    }
    catch (error) {
        if (error instanceof esm/* RestError */.pj && error.statusCode === 404)
            return null;
        throw error;
    }
}
/** The token scope Key Vault's challenge will ask for (e.g. https://vault.azure.net/.default), from the vault's host. */
function vaultScopeFor(vaultUri) {
    const host = new URL(vaultUri).hostname;
    return `https://${host.slice(host.indexOf('.') + 1)}/.default`;
}

// EXTERNAL MODULE: ./src/clients/azure/graph-reader.ts
var graph_reader = __webpack_require__(32746);
// EXTERNAL MODULE: ./src/clients/http/capped-pages.ts
var capped_pages = __webpack_require__(17233);
// EXTERNAL MODULE: ./src/clients/http/json-request.ts + 1 modules
var json_request = __webpack_require__(70955);
;// CONCATENATED MODULE: ./src/clients/azure/group-membership-reader.ts



const TRANSITIVE_MEMBER_OF_CALL = 'Microsoft Graph GET transitiveMemberOf';
/**
 * Pages of memberships read before the listing fails: Graph answers at most 999 a page ($top);
 * an object may be a member of at most a few thousand groups in practice (getMemberGroups stops at
 * 11,000), so 100 pages of 999 hold every real answer.
 */
const MEMBERSHIP_PAGES = 100;
/**
 * The ids of every group the service principal is a member of, directly or through other groups
 * (`GET /servicePrincipals/{id}/transitiveMemberOf`). Directory roles and administrative units in
 * the answer are left out; an item without @odata.type is kept (an id that names no group matches
 * no role assignment). Follows @odata.nextLink only on the Graph endpoint's own origin.
 */
async function readTransitiveGroupIds(credential, graphEndpoint, objectId, http) {
    const token = await credential.getToken(`${graphEndpoint}/.default`, {
        abortSignal: http.signal
    });
    if (!token)
        throw new service_error/* ServiceError */._('Microsoft Graph token request', undefined, 'no token returned');
    const origin = new URL(graphEndpoint).origin;
    const first = `${graphEndpoint}/v1.0/servicePrincipals/${encodeURIComponent(objectId)}/transitiveMemberOf?$select=id&$top=999`;
    async function* pages() {
        let url = first;
        while (url) {
            const { body } = await (0,json_request/* requestJson */.S)({
                call: TRANSITIVE_MEMBER_OF_CALL,
                method: 'GET',
                url,
                headers: { Authorization: `Bearer ${token.token}` },
                http
            });
            const page = (body ?? {});
            yield page;
            const next = page['@odata.nextLink'];
            if (typeof next !== 'string' || next === '')
                return;
            if (new URL(next).origin !== origin)
                throw new service_error/* ServiceError */._(TRANSITIVE_MEMBER_OF_CALL, undefined, `refused to send the token to ${new URL(next).host}: the @odata.nextLink leaves ${new URL(origin).host}`);
            url = next;
        }
    }
    const ids = new Set();
    for await (const page of (0,capped_pages/* cappedPages */.y)(pages(), TRANSITIVE_MEMBER_OF_CALL, MEMBERSHIP_PAGES)) {
        if (!Array.isArray(page.value))
            throw new service_error/* ServiceError */._(TRANSITIVE_MEMBER_OF_CALL, 200, 'the answer has no value list');
        for (const item of page.value) {
            const type = item['@odata.type'];
            if (typeof item.id !== 'string')
                continue;
            if (type === undefined || type === '#microsoft.graph.group')
                ids.add(item.id.toLowerCase());
        }
    }
    return [...ids];
}

// EXTERNAL MODULE: ./src/facts/read-error.ts
var read_error = __webpack_require__(58784);
// EXTERNAL MODULE: ./src/model/identifiers.ts
var identifiers = __webpack_require__(93937);
// EXTERNAL MODULE: ./src/safety/neutralize.ts
var neutralize = __webpack_require__(77059);
;// CONCATENATED MODULE: ./src/clients/azure/role-definitions.ts
const KEY_VAULT_CONTROL_PLANE_READ = [
    'Microsoft.Authorization/*/read',
    'Microsoft.Insights/alertRules/*',
    'Microsoft.Resources/deployments/*',
    'Microsoft.Resources/subscriptions/resourceGroups/read',
    'Microsoft.Support/*',
    'Microsoft.KeyVault/checkNameAvailability/read',
    'Microsoft.KeyVault/deletedVaults/read',
    'Microsoft.KeyVault/locations/*/read',
    'Microsoft.KeyVault/vaults/*/read',
    'Microsoft.KeyVault/operations/read'
];
function builtIn(roleName, block) {
    return {
        roleName,
        permissions: [
            {
                actions: block.actions ?? [],
                notActions: block.notActions ?? [],
                dataActions: block.dataActions ?? [],
                notDataActions: block.notDataActions ?? []
            }
        ]
    };
}
/**
 * Azure built-in roles by the name (GUID) of their definition, which is the same in every tenant
 * and subscription, so the definition is known without a round trip. The permissions are those
 * Microsoft publishes in "Azure built-in roles" (learn.microsoft.com/azure/role-based-access-
 * control/built-in-roles, the Security and General sections, each role's JSON). Microsoft has
 * only ever widened these roles (Crypto Officer gained keyrotationpolicies/* in 2022); a role not
 * listed here, or a custom one, is read from ARM as before.
 */
const BUILT_IN_ROLE_DEFINITIONS = new Map([
    [
        'e147488a-f6f5-4113-8e2d-b22465e65bf6',
        builtIn('Key Vault Crypto Service Encryption User', {
            actions: [
                'Microsoft.EventGrid/eventSubscriptions/write',
                'Microsoft.EventGrid/eventSubscriptions/read',
                'Microsoft.EventGrid/eventSubscriptions/delete'
            ],
            dataActions: [
                'Microsoft.KeyVault/vaults/keys/read',
                'Microsoft.KeyVault/vaults/keys/wrap/action',
                'Microsoft.KeyVault/vaults/keys/unwrap/action'
            ]
        })
    ],
    [
        '12338af0-0e69-4776-bea7-57ae8d297424',
        builtIn('Key Vault Crypto User', {
            dataActions: [
                'Microsoft.KeyVault/vaults/keys/read',
                'Microsoft.KeyVault/vaults/keys/update/action',
                'Microsoft.KeyVault/vaults/keys/backup/action',
                'Microsoft.KeyVault/vaults/keys/encrypt/action',
                'Microsoft.KeyVault/vaults/keys/decrypt/action',
                'Microsoft.KeyVault/vaults/keys/wrap/action',
                'Microsoft.KeyVault/vaults/keys/unwrap/action',
                'Microsoft.KeyVault/vaults/keys/sign/action',
                'Microsoft.KeyVault/vaults/keys/verify/action'
            ]
        })
    ],
    [
        '14b46e9e-c2b7-41b4-b07b-48a6ebf60603',
        builtIn('Key Vault Crypto Officer', {
            actions: KEY_VAULT_CONTROL_PLANE_READ,
            dataActions: [
                'Microsoft.KeyVault/vaults/keys/*',
                'Microsoft.KeyVault/vaults/keyrotationpolicies/*'
            ]
        })
    ],
    [
        '00482a5a-887f-4fb3-b363-3b7fe8e74483',
        builtIn('Key Vault Administrator', {
            actions: KEY_VAULT_CONTROL_PLANE_READ,
            dataActions: ['Microsoft.KeyVault/vaults/*']
        })
    ],
    [
        '21090545-7ca7-4776-b22c-e363652d74d2',
        builtIn('Key Vault Reader', {
            actions: KEY_VAULT_CONTROL_PLANE_READ,
            dataActions: [
                'Microsoft.KeyVault/vaults/*/read',
                'Microsoft.KeyVault/vaults/secrets/readMetadata/action'
            ]
        })
    ],
    // Reader, Contributor and Owner grant no data actions: only their control-plane actions differ.
    ['acdd72a7-3385-48ef-bd42-f606fba81ae7', builtIn('Reader', { actions: ['*/read'] })],
    [
        'b24988ac-6180-42a0-ab88-20f7382dd24c',
        builtIn('Contributor', {
            actions: ['*'],
            notActions: [
                'Microsoft.Authorization/*/Delete',
                'Microsoft.Authorization/*/Write',
                'Microsoft.Authorization/elevateAccess/Action',
                'Microsoft.Blueprint/blueprintAssignments/write',
                'Microsoft.Blueprint/blueprintAssignments/delete',
                'Microsoft.Compute/galleries/share/action',
                'Microsoft.Purview/consents/write',
                'Microsoft.Purview/consents/delete'
            ]
        })
    ],
    ['8e3af657-a8ff-443c-a75c-2fe8c4bcb635', builtIn('Owner', { actions: ['*'] })]
]);
const BUILT_IN_DEFINITION_ID = /^(?:\/subscriptions\/[^/]+|\/providers\/microsoft\.management\/managementgroups\/[^/]+)?\/providers\/microsoft\.authorization\/roledefinitions\/([0-9a-f-]{36})$/i;
/**
 * The built-in definition a role definition id names, if it is one of ours. ARM writes a
 * built-in role's id at the subscription (`/subscriptions/<s>/providers/Microsoft.Authorization/
 * roleDefinitions/<guid>`), at a management group, or at the root; a custom role has a GUID of
 * its own, so the GUID alone tells them apart.
 */
function builtInRoleDefinition(definitionId) {
    const guid = BUILT_IN_DEFINITION_ID.exec(definitionId)?.[1];
    return guid ? BUILT_IN_ROLE_DEFINITIONS.get(guid.toLowerCase()) : undefined;
}
/** The definitions read this run, per client (one per run): each custom role is read once. */
const readThisRun = new WeakMap();
/**
 * A role definition's name and permissions: a built-in one from the table above without a
 * request, any other from ARM once per run. A failed read is not kept, so a later read in the
 * same run asks again; it rejects, and the caller leaves the permissions unknown.
 */
function readRoleDefinition(client, definitionId, abortSignal) {
    const known = builtInRoleDefinition(definitionId);
    if (known)
        return Promise.resolve(known);
    let cache = readThisRun.get(client);
    if (!cache)
        readThisRun.set(client, (cache = new Map()));
    const key = definitionId.toLowerCase();
    const cached = cache.get(key);
    if (cached)
        return cached;
    const read = client.roleDefinitions.getById(definitionId, { abortSignal }).then(definition => ({
        roleName: definition.roleName,
        permissions: definition.permissions?.map(p => ({
            actions: p.actions ?? [],
            notActions: p.notActions ?? [],
            dataActions: p.dataActions ?? [],
            notDataActions: p.notDataActions ?? []
        }))
    }), (error) => {
        cache.delete(key);
        throw error;
    });
    cache.set(key, read);
    return read;
}

;// CONCATENATED MODULE: ./src/clients/azure/role-reader.ts


/**
 * Pages of role assignments read before the listing fails. At most 8,500 assignments can apply
 * to a vault: 5,000 per subscription and 500 per management group, root plus 6 levels of them
 * (Azure subscription and service limits, "Azure RBAC limits" and "Azure management group
 * limits"). ARM documents no page size for this listing (Role Assignments - List For Scope,
 * 2022-04-01: only $skipToken): 1,000 pages hold them all even at 9 a page.
 */
const ROLE_ASSIGNMENT_PAGES = 1_000;
/**
 * Role assignments that give one principal a role on the key: its own and its groups'
 * (`assignedTo`, which ARM resolves transitively through groups), at the key
 * (`<vaultId>/keys/<key>`), the vault or above. Assignments below the vault on anything but this
 * key are dropped. `atScope()` cannot be added: it would hide the key scope. Each assignment comes
 * with its role definition's permissions (a built-in role's without a request: readRoleDefinition);
 * a definition that cannot be read leaves `permissions` undefined. The SDK follows `nextLink`, for at most ROLE_ASSIGNMENT_PAGES pages.
 */
async function readRoleAssignments(client, vaultId, keyName, principalId, abortSignal) {
    const keyScope = `${vaultId}/keys/${keyName}`;
    const assignments = [];
    const pages = client.roleAssignments
        .listForScope(vaultId, { filter: `assignedTo('${principalId}')`, abortSignal })
        .byPage();
    for await (const page of (0,capped_pages/* cappedPages */.y)(pages, 'ARM list role assignments', ROLE_ASSIGNMENT_PAGES)) {
        for (const a of page)
            if (a.scope && (appliesTo(a.scope, vaultId) || sameScope(a.scope, keyScope)))
                assignments.push(a);
    }
    const definitionIds = [...new Set(assignments.map(a => a.roleDefinitionId ?? ''))].filter(Boolean);
    const definitions = new Map(await Promise.all(definitionIds.map(id => readRoleDefinition(client, id, abortSignal).then(definition => [id, definition], () => [id, undefined]))));
    return assignments.map(a => {
        const definition = definitions.get(a.roleDefinitionId ?? '');
        return {
            id: a.id ?? '',
            scope: a.scope ?? '',
            principalId: a.principalId ?? '',
            principalType: a.principalType,
            condition: a.condition ?? undefined,
            roleDefinitionId: a.roleDefinitionId ?? '',
            roleName: definition?.roleName,
            permissions: definition?.permissions
        };
    });
}
const MANAGEMENT_GROUP_SCOPE = /^\/providers\/microsoft\.management\/managementgroups\/[^/]+$/;
/**
 * An assignment applies when its scope is the vault or one of its ancestors: "/" (the root), a
 * management group, the subscription, the resource group. ARM lists a scope's assignments with
 * `principalId eq` at, above and below the scope, and only the ancestry above a subscription is
 * made of management groups, so any management group it returns is an ancestor of the vault.
 */
function appliesTo(scope, vaultId) {
    const s = scope.toLowerCase().replace(/\/+$/, '');
    const v = vaultId.toLowerCase().replace(/\/+$/, '');
    return s === '' || MANAGEMENT_GROUP_SCOPE.test(s) || v === s || v.startsWith(`${s}/`);
}
function sameScope(a, b) {
    return a.toLowerCase().replace(/\/+$/, '') === b.toLowerCase().replace(/\/+$/, '');
}

// EXTERNAL MODULE: ./src/clients/azure/vault-reader.ts
var vault_reader = __webpack_require__(36366);
;// CONCATENATED MODULE: ./src/clients/azure/hsm-role-reader.ts
/** The local RBAC scopes that apply to one key: the whole HSM, every key, the key itself. */
function scopesOfKey(keyName) {
    return ['/', '/keys', `/keys/${keyName}`];
}
/**
 * The local role assignments at the key's scopes that may reach the CMK app (see HsmPrincipals),
 * each with its role definition's permissions (undefined when a definition cannot be read). The
 * three scopes are listed in parallel with the group look-up, and only assignments at exactly those
 * scopes are kept: a listing may include scopes below (Get-AzKeyVaultRoleAssignment: without a
 * scope it "returns all the role assignments made under the managed HSM"), such as another key's.
 */
async function readHsmRoleAssignments(client, keyName, principals, abortSignal) {
    const scopes = scopesOfKey(keyName);
    const wanted = new Set(scopes.map(normalScope));
    const [pages, groupIds] = await Promise.all([
        Promise.all(scopes.map(scope => client.listRoleAssignments(scope, abortSignal))),
        principals.groupIds
    ]);
    const self = principals.objectId.toLowerCase();
    const groups = groupIds && new Set(groupIds.map(id => id.toLowerCase()));
    const byId = new Map();
    const typeOf = new Map();
    for (const a of pages.flat()) {
        const p = a.properties;
        const principal = p.principalId?.toLowerCase();
        if (!principal || !wanted.has(normalScope(p.scope ?? '')))
            continue;
        const type = principal === self ? 'ServicePrincipal' : groups?.has(principal) ? 'Group' : undefined;
        if (type === undefined && groups !== undefined)
            continue;
        byId.set(a.id || a.name, a);
        typeOf.set(a, type);
    }
    const assignments = [...byId.values()];
    const guids = [...new Set(assignments.map(a => guidOf(a.properties.roleDefinitionId)))];
    const definitions = new Map(await Promise.all(guids.map(async (guid) => {
        try {
            return [guid, await client.getRoleDefinition(guid, abortSignal)];
        }
        catch {
            return [guid, undefined];
        }
    })));
    return assignments.map(a => {
        const definition = definitions.get(guidOf(a.properties.roleDefinitionId));
        return {
            id: a.id,
            scope: a.properties.scope,
            principalId: a.properties.principalId,
            principalType: typeOf.get(a),
            roleDefinitionId: a.properties.roleDefinitionId,
            roleName: definition?.properties.roleName,
            permissions: definition?.properties.permissions?.map(p => ({
                actions: p.actions ?? [],
                notActions: p.notActions ?? [],
                dataActions: p.dataActions ?? [],
                notDataActions: p.notDataActions ?? []
            }))
        };
    });
}
/** Local role definition ids end in the GUID: `Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/<guid>`. */
function guidOf(roleDefinitionId) {
    return roleDefinitionId.split('/').pop() ?? roleDefinitionId;
}
/** Scopes compare case-insensitively (key names are), without a trailing slash; `/` stays. */
function normalScope(scope) {
    return scope.toLowerCase().replace(/\/+$/, '') || '/';
}

;// CONCATENATED MODULE: ./src/clients/azure/diagnostic-settings-reader.ts

/**
 * Pages of the diagnostic-settings listing read before it fails. A resource holds at most five
 * diagnostic settings (Azure Monitor service limits, "Maximum number of diagnostic settings per
 * resource: 5"), one page; the SDK follows a `nextLink` all the same, so a few pages leave room
 * for a service that pages anyway.
 */
const DIAGNOSTIC_SETTING_PAGES = 10;
/**
 * The vault's diagnostic settings (`GET <vaultId>/providers/Microsoft.Insights/diagnosticSettings`,
 * `@azure/arm-monitor` `diagnosticSettings.list`; Reader's `*\/read` covers
 * Microsoft.Insights/diagnosticSettings/read).
 */
async function readDiagnosticSettings(client, resourceId, abortSignal) {
    // The SDK's path template is `/{+resourceUri}/providers/...`: an id with its leading slash
    // would become `//subscriptions/...`.
    const resourceUri = resourceId.replace(/^\/+/, '');
    const pages = client.diagnosticSettings.list(resourceUri, { abortSignal }).byPage();
    const settings = [];
    for await (const page of (0,capped_pages/* cappedPages */.y)(pages, 'ARM list diagnostic settings', DIAGNOSTIC_SETTING_PAGES)) {
        for (const s of page)
            settings.push({
                name: s.name ?? '',
                logs: (s.logs ?? []).map(log => ({
                    category: log.category ?? undefined,
                    categoryGroup: log.categoryGroup ?? undefined,
                    enabled: log.enabled === true
                })),
                workspaceId: s.workspaceId || undefined,
                storageAccountId: s.storageAccountId || undefined,
                eventHubAuthorizationRuleId: s.eventHubAuthorizationRuleId || undefined,
                marketplacePartnerId: s.marketplacePartnerId || undefined
            });
    }
    return settings;
}

;// CONCATENATED MODULE: ./src/clients/azure/lock-reader.ts

/**
 * Pages of the lock listing read before it fails. ARM documents no page size and no limit on
 * locks per scope; 100 pages is far more than the handful of locks a vault's scopes carry.
 */
const LOCK_PAGES = 100;
const LOCK_SUFFIX = /\/providers\/Microsoft\.Authorization\/locks\/[^/]+$/i;
/**
 * Management locks that stop the vault's deletion: those on the vault, its resource group or its
 * subscription. Read with ManagementLocks_ListAtResourceLevel on the vault (`@azure/arm-locks`
 * `managementLocks.listAtResourceLevel`; Reader's `*\/read` covers
 * Microsoft.Authorization/locks/read), which the REST specification describes as "the management
 * locks for a resource or any level below resource" and the Azure SDKs' docs as the locks of "the
 * specified resource, its resource group and any resources below the resource" (azure-libraries-
 * for-java `ManagementLocks.listForResource`). Whether it also lists the subscription's locks is
 * not documented: a subscription lock it lists counts, as ARM applies it to every resource below.
 * A lock's scope is its id without `/providers/Microsoft.Authorization/locks/<name>`; only the
 * three scopes above count, compared whole and case-insensitively, so neither a lock below the
 * vault nor one on another vault whose id merely starts like this one's ever counts.
 */
async function readManagementLocks(client, vaultId, abortSignal) {
    const parts = parseResourceId(vaultId);
    const pages = client.managementLocks
        .listAtResourceLevel(parts.resourceGroup, parts.namespace, '', parts.type, parts.name, {
        abortSignal
    })
        .byPage();
    const locks = [];
    for await (const page of (0,capped_pages/* cappedPages */.y)(pages, 'ARM list management locks', LOCK_PAGES))
        for (const lock of page) {
            const scope = lockScope(lock.id ?? '', vaultId);
            if (scope)
                locks.push({ id: lock.id ?? '', name: lock.name ?? '', level: lock.level, scope });
        }
    return locks;
}
/** Which of the vault's scopes a lock sits on, or undefined for any other resource. */
function lockScope(lockId, vaultId) {
    if (!LOCK_SUFFIX.test(lockId))
        return undefined;
    const scope = normalized(lockId.replace(LOCK_SUFFIX, ''));
    const vault = normalized(vaultId);
    const { subscription, resourceGroup } = parseResourceId(vaultId);
    if (scope === vault)
        return 'vault';
    if (scope === normalized(`/subscriptions/${subscription}/resourceGroups/${resourceGroup}`))
        return 'resource-group';
    if (scope === normalized(`/subscriptions/${subscription}`))
        return 'subscription';
    return undefined;
}
function normalized(id) {
    return id.toLowerCase().replace(/\/+$/, '');
}
/** `/subscriptions/<s>/resourceGroups/<rg>/providers/<namespace>/<type>/<name>`, as ARM gives a vault's id. */
function parseResourceId(id) {
    const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/([^/]+)\/([^/]+)\/([^/]+)$/i.exec(id.replace(/\/+$/, ''));
    if (!m)
        throw new Error(`not a top-level resource id: ${id}`);
    const [, subscription = '', resourceGroup = '', namespace = '', type = '', name = ''] = m;
    return { subscription, resourceGroup, namespace, type, name };
}

// EXTERNAL MODULE: ./src/clients/http/jwt-claims.ts
var jwt_claims = __webpack_require__(32792);
;// CONCATENATED MODULE: ./src/facts/sign-in.ts



const AZURE_SIGN_IN_CALL = 'Entra token request';
const ADOBE_SIGN_IN_CALL = 'Adobe IMS token request';
/**
 * Signs in to Azure first, as its own step: asks for the ARM token every Azure read needs (the
 * credential shares it with the SDK clients), so that a sign-in failure is reported once, with
 * its cause, instead of as a failure of every read.
 */
async function signInToAzure(services, identity) {
    const { credential, signal } = services;
    let session;
    try {
        const token = await credential.getToken(`${services.endpoints.arm}/.default`, {
            abortSignal: signal
        });
        if (!token)
            throw new Error('the credential returned no token');
        const claims = (0,jwt_claims/* jwtClaims */.v)(token.token);
        session = {
            ok: true,
            value: {
                tenantId: (0,jwt_claims/* stringClaim */.E)(claims, 'tid'),
                appId: (0,jwt_claims/* stringClaim */.E)(claims, 'appid') ?? (0,jwt_claims/* stringClaim */.E)(claims, 'azp'),
                objectId: (0,jwt_claims/* stringClaim */.E)(claims, 'oid')
            }
        };
    }
    catch (error) {
        // The shared credential names the failed token request and its scope: keep that call.
        const call = error instanceof service_error/* ServiceError */._ ? error.call : AZURE_SIGN_IN_CALL;
        session = { ok: false, error: (0,read_error/* toReadError */.s)(call, error) };
    }
    return { ...identity, presented: services.presentedIdToken(), session };
}
/** Gets the Adobe IMS token first, for the same reason; a ready token is judged by Platform. */
async function signInToAdobe(services, identity) {
    let token;
    try {
        await services.adobeToken();
        token = { ok: true, value: null };
    }
    catch (error) {
        token = { ok: false, error: (0,read_error/* toReadError */.s)(ADOBE_SIGN_IN_CALL, error) };
    }
    return { ...identity, token };
}
/** What a read that needs a sign-in holds when that sign-in failed: it was never attempted. */
function notReadWithoutSignIn(call, service) {
    return { call, kind: 'error', message: `not attempted: signing in to ${service} failed` };
}

;// CONCATENATED MODULE: ./src/facts/gather-facts.ts














async function attempt(call, read) {
    try {
        return { ok: true, value: await read() };
    }
    catch (error) {
        return { ok: false, error: (0,read_error/* toReadError */.s)(call, error) };
    }
}
/**
 * Reads everything the checks need, read-only, each independent chain in parallel, each after
 * the sign-in it needs: Azure sign-in -> vault -> key (ARM) -> rotation policy (data plane, only
 * when ARM gave none); vault -> diagnostic settings and management locks (ARM); Adobe sign-in ->
 * registration -> service principal -> (with the vault) role assignments; Adobe configuration.
 */
async function gatherFacts(services, target) {
    const { credential, signal } = services;
    const azureSignIn = signInToAzure(services, target.azure);
    const adobeSignIn = signInToAdobe(services, target.adobe);
    const azureSignedIn = azureSignIn.then(s => s.session.ok);
    const adobeSignedIn = adobeSignIn.then(s => s.token.ok);
    /** A read that needs a sign-in: attempted only once that sign-in worked. */
    const after = (signedIn, service, call, read) => signedIn.then(ok => ok ? attempt(call, read) : { ok: false, error: notReadWithoutSignIn(call, service) });
    if (!target.cmkAppObjectId)
        void credential
            .getToken(`${services.endpoints.graph}/.default`, { abortSignal: signal })
            .catch(() => undefined);
    const vaultRead = after(azureSignedIn, 'Azure', 'ARM find vault', () => (0,vault_reader/* readVault */.z)(services, target.vault, signal));
    const keyRead = vaultRead.then(vault => vault.ok ? readKeyFacts(services, vault.value, target.keyName) : undefined);
    const protectionRead = vaultRead.then(vault => vault.ok ? readVaultProtection(services, vault.value.id) : {});
    const registrationRead = after(adobeSignedIn, 'Adobe', 'Adobe GET CMK app registration', () => services.platform.getRegistration());
    const configRead = after(adobeSignedIn, 'Adobe', 'Adobe GET configuration status', () => services.platform.getConfig(target.configName));
    const accessRead = Promise.all([registrationRead, azureSignedIn]).then(([registration, ok]) => ok && registration.ok && registration.value
        ? readAppAccess(services, target, registration.value, vaultRead)
        : {});
    const [azure, adobe, vault, key, registration, config, access, protection] = await Promise.all([
        azureSignIn,
        adobeSignIn,
        vaultRead,
        keyRead,
        registrationRead,
        configRead,
        accessRead,
        protectionRead
    ]);
    return {
        azureSignIn: azure,
        adobeSignIn: adobe,
        vault,
        key,
        registration,
        config,
        ...access,
        ...protection
    };
}
/**
 * What would tell who touched the vault and what stops its deletion: its diagnostic settings and
 * the management locks on it and above, two ARM reads that need only its id, in parallel.
 */
async function readVaultProtection(services, vaultId) {
    const { signal } = services;
    const [diagnosticSettings, managementLocks] = await Promise.all([
        attempt('ARM list diagnostic settings', () => readDiagnosticSettings(services.monitor, vaultId, signal)),
        attempt('ARM list management locks', () => readManagementLocks(services.locks, vaultId, signal))
    ]);
    return { diagnosticSettings, managementLocks };
}
/**
 * The key through ARM, which the vault firewall does not apply to. The rotation policy comes from
 * the same answer; only where ARM omits it is the data plane asked, and its refusal (the firewall,
 * a missing data-plane role) stays in `rotationPolicy`: it never fails key.found.
 */
async function readKeyFacts(services, vault, keyName) {
    const { credential, signal } = services;
    const arm = vault.kind === 'managed-hsm'
        ? await attempt('ARM GET managed HSM key', () => readArmHsmKey(services.keyVaultManagement, vault.id, vault.name, keyName, signal))
        : await attempt('ARM GET key', () => readArmKey(services.keyVaultManagement, vault.id, vault.name, keyName, signal));
    if (!arm.ok)
        return arm;
    // The identifier is logged, output and sent to Adobe: it must name this key in this vault.
    const problem = (0,identifiers/* keyIdentifierProblem */.A)(arm.value.key.id, vault.vaultUri, keyName);
    if (problem) {
        const message = `unexpected key identifier "${(0,neutralize/* neutralize */.Y)(arm.value.key.id)}": ${problem}`;
        return {
            ok: false,
            error: (0,read_error/* toReadError */.s)('ARM GET key', new service_error/* ServiceError */._('ARM GET key', 200, message))
        };
    }
    const fromArm = arm.value.rotationPolicy;
    const rotationPolicy = fromArm
        ? { ok: true, value: fromArm }
        : await attempt(`${vault.kind === 'managed-hsm' ? 'Managed HSM' : 'Key Vault'} GET key rotation policy`, () => {
            // Ask for the vault token alongside the SDK's unauthenticated challenge request.
            void credential
                .getToken(vaultScopeFor(vault.vaultUri), { abortSignal: signal })
                .catch(() => undefined);
            return readRotationPolicy(credential, vault.vaultUri, keyName, services.http);
        });
    return { ok: true, value: { ...arm.value.key, rotationPolicy } };
}
/**
 * The CMK app's service principal and its role assignments on the vault. `knownPrincipal` (one
 * setup just created) is taken instead of a directory look-up.
 */
async function readAppAccess(services, { keyName, cmkAppObjectId }, registration, vaultRead, knownPrincipal) {
    const { credential, signal } = services;
    const appId = registration.applicationId;
    if (!appId)
        return {};
    // Input cmk-app-object-id becomes the service-principal fact here and nowhere else.
    const servicePrincipal = knownPrincipal
        ? { ok: true, value: knownPrincipal }
        : cmkAppObjectId
            ? { ok: true, value: { objectId: cmkAppObjectId, source: 'input' } }
            : await attempt('Microsoft Graph GET service principal', async () => {
                const sp = await (0,graph_reader/* readServicePrincipal */.K)(credential, services.endpoints.graph, appId, services.http);
                return sp && { ...sp, source: 'graph' };
            });
    const vault = await vaultRead;
    if (!servicePrincipal.ok || !servicePrincipal.value || !vault.ok)
        return { servicePrincipal };
    const principalId = servicePrincipal.value.objectId;
    const hsm = vault.value.kind === 'managed-hsm' ? vault.value : undefined;
    if (hsm) {
        // Local RBAC cannot list by member: the app's groups come from Graph, read alongside.
        const groupMemberships = attempt(TRANSITIVE_MEMBER_OF_CALL, () => readTransitiveGroupIds(credential, services.endpoints.graph, principalId, services.http));
        const roleAssignments = await attempt('Managed HSM list local role assignments', () => {
            // Ask for the HSM token alongside the challenge's unauthenticated first request.
            void credential
                .getToken(vaultScopeFor(hsm.vaultUri), { abortSignal: signal })
                .catch(() => undefined);
            return readHsmRoleAssignments(services.managedHsmRbac(hsm.vaultUri), keyName, {
                objectId: principalId,
                groupIds: groupMemberships.then(m => (m.ok ? m.value : undefined))
            }, signal);
        });
        return { servicePrincipal, roleAssignments, groupMemberships: await groupMemberships };
    }
    const roleAssignments = await attempt('ARM list role assignments', () => readRoleAssignments(services.authorization, vault.value.id, keyName, principalId, signal));
    return { servicePrincipal, roleAssignments };
}


/***/ }),

/***/ 58784:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ toReadError)
/* harmony export */ });
/* harmony import */ var _azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1818);
/* harmony import */ var _safety_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81455);
/* harmony import */ var _clients_http_service_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1537);
/* harmony import */ var _clients_http_failed_call_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77573);




/** Turns what an SDK or our own client threw into the ReadError that checks reason about. */
function toReadError(call, error) {
    if (error instanceof _clients_http_failed_call_js__WEBPACK_IMPORTED_MODULE_3__/* .FailedCall */ .o)
        return toReadError(error.call, error.cause);
    let status;
    let message;
    if (error instanceof _clients_http_service_error_js__WEBPACK_IMPORTED_MODULE_2__/* .ServiceError */ ._) {
        status = error.status;
        // A read can fail in a call it depends on (e.g. the Entra token for an ARM GET): name it.
        message = error.call === call ? error.serviceMessage : error.message;
    }
    else if (error instanceof _azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .RestError */ .pj || error?.statusCode) {
        const e = error;
        status = e.statusCode;
        const code = e.code && !e.message.includes(e.code) ? `${e.code}: ` : '';
        const context = azureErrorContext(e);
        const first = firstLine(e.message);
        message = `${code}${context ? first.replace(/\.+$/, '') : first}${context}`;
    }
    else if (error instanceof Error) {
        message = firstLine(error.message);
    }
    else {
        message = String(error);
    }
    const kind = status === 404
        ? 'not-found'
        : (status === 401 || status === 403) && !isNetworkRefusal(error)
            ? 'forbidden'
            : 'error';
    return { call, status, kind, message: (0,_safety_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(message) };
}
/**
 * A Key Vault or Managed HSM data-plane 403 its network rules gave (inner code ForbiddenByFirewall
 * or ForbiddenByConnection): no permission would let the request through, so it is not
 * 'forbidden', whose fixes name a role (a repair refused so would name Policy Administrator).
 */
function isNetworkRefusal(error) {
    if (!(error instanceof _azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .RestError */ .pj))
        return false;
    const details = error.details;
    const inner = details?.error?.innerError?.code ?? details?.error?.innererror?.code;
    return inner === 'ForbiddenByFirewall' || inner === 'ForbiddenByConnection';
}
/**
 * What Azure puts after the first line or in the inner error, where it names the cause: Key Vault
 * answers every 403 with code Forbidden and tells a firewall refusal (ForbiddenByFirewall, with
 * "Client address: <ip>" on a later line), public access disabled (ForbiddenByConnection), RBAC
 * and access policies apart only there. Returned as " (<inner code>; client address <ip>)".
 */
function azureErrorContext(e) {
    const details = e.details;
    const inner = details?.error?.innerError?.code ?? details?.error?.innererror?.code;
    const parts = [];
    if (typeof inner === 'string' && inner !== '' && !e.message.includes(inner))
        parts.push(inner);
    const address = /Client address: ([0-9A-Fa-f.:]+)/.exec(e.message)?.[1];
    if (address)
        parts.push(`client address ${address}`);
    return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}
function firstLine(text) {
    return (text.split('\n')[0] ?? '').trim();
}


/***/ })

};
