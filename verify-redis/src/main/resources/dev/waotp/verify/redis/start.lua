-- The start gate of one key's verification, atomic: store a new code, or say why not.
-- KEYS[1] the key's hash (a purpose and a phone number)
-- ARGV    code HMAC, now (epoch ms, the verifier's clock), lifetime (ms), resendAfter (ms), maxSends, tag, channel
-- Returns {1, sendsLeft, 0} when the code is stored, {0, 0, retryAfter ms} when too soon,
-- {2, 0, locked until (epoch ms)} when the key is locked.
local key = KEYS[1]
local now = tonumber(ARGV[2])
local lifetime = tonumber(ARGV[3])
local resendAfter = tonumber(ARGV[4])
local maxSends = tonumber(ARGV[5])

local state = redis.call('HMGET', key, 'expires', 'sent', 'sends', 'locked', 'failexp')
local locked = tonumber(state[4])
if locked and locked > now then
  return {2, 0, locked}
end
local failexp = tonumber(state[5])
if failexp and failexp <= now then
  -- Failures not followed by another within the failure memory are forgotten.
  redis.call('HDEL', key, 'failures', 'failexp', 'locked')
  failexp = nil
end
local expires = tonumber(state[1])
local sends = 0
-- A live verification gates the resend; an expired one is replaced as if there were none.
if expires and expires > now then
  sends = tonumber(state[3])
  if sends >= maxSends then
    return {0, 0, expires - now}
  end
  local wait = tonumber(state[2]) + resendAfter - now
  if wait > 0 then
    return {0, 0, wait}
  end
end

sends = sends + 1
redis.call('HSET', key, 'code', ARGV[1], 'expires', now + lifetime, 'sent', now, 'sends', sends, 'attempts', 0,
  'tag', ARGV[6], 'channel', ARGV[7], 'delivery', '0')
-- Redis removes the key by itself once neither its code nor its remembered failures matter.
local keep = lifetime
if failexp and failexp - now > keep then
  keep = failexp - now
end
redis.call('PEXPIRE', key, keep)
return {1, maxSends - sends, 0}
