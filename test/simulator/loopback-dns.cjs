/* eslint-disable @typescript-eslint/no-require-imports */
/* global require */
'use strict'
// Preload (`node --require`) that resolves every *.localhost name to 127.0.0.1, so that a child
// process reaches the simulator at its service host names. Other names resolve as usual.
const dns = require('node:dns')

const LOOPBACK = '127.0.0.1'

function isLoopbackName(hostname) {
  if (typeof hostname !== 'string') return false
  const name = hostname.toLowerCase().replace(/\.$/, '')
  return name === 'localhost' || name.endsWith('.localhost')
}

function wantsAll(options) {
  return typeof options === 'object' && options !== null && options.all === true
}

function familyAllowed(options) {
  const family = typeof options === 'number' ? options : options && options.family
  return family === undefined || family === 0 || family === 4 || family === 'IPv4'
}

if (!dns.lookup.aepCmkLoopback) {
  const originalLookup = dns.lookup
  const patchedLookup = function lookup(hostname, options, callback) {
    if (typeof options === 'function') {
      callback = options
      options = undefined
    }
    if (!isLoopbackName(hostname) || !familyAllowed(options)) {
      return options === undefined
        ? originalLookup.call(dns, hostname, callback)
        : originalLookup.call(dns, hostname, options, callback)
    }
    process.nextTick(() => {
      if (wantsAll(options)) callback(null, [{ address: LOOPBACK, family: 4 }])
      else callback(null, LOOPBACK, 4)
    })
    return {}
  }
  patchedLookup.aepCmkLoopback = true
  dns.lookup = patchedLookup

  const originalPromisesLookup = dns.promises.lookup
  dns.promises.lookup = async function lookup(hostname, options) {
    if (!isLoopbackName(hostname) || !familyAllowed(options)) {
      return originalPromisesLookup.call(dns.promises, hostname, options)
    }
    return wantsAll(options) ? [{ address: LOOPBACK, family: 4 }] : { address: LOOPBACK, family: 4 }
  }
}
