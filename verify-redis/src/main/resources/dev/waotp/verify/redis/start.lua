-- The start gate of one phone's verification, atomic: store a new code, or say how long to wait.
-- KEYS[1] the phone's verification hash
-- ARGV    code HMAC, now (epoch ms, the verifier's clock), lifetime (ms), resendAfter (ms), maxSends
-- Returns {1, sendsLeft, 0} when the code is stored, {0, 0, retryAfter ms} when nothing changed.
local key = KEYS[1]
local now = tonumber(ARGV[2])
local lifetime = tonumber(ARGV[3])
local resendAfter = tonumber(ARGV[4])
local maxSends = tonumber(ARGV[5])

local state = redis.call('HMGET', key, 'expires', 'sent', 'sends')
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
redis.call('HSET', key, 'code', ARGV[1], 'expires', now + lifetime, 'sent', now, 'sends', sends, 'attempts', 0)
-- Redis removes the entry by itself once the code's lifetime is over.
redis.call('PEXPIRE', key, lifetime)
return {1, maxSends - sends, 0}
