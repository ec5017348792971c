-- The fallback of one key's verification, atomic: if its live code is still the one sent with the failed tag,
-- replace it with a new code (a send counted, attempts and delivery state reset, expiry renewed; no resend wait).
-- KEYS[1] the key's hash
-- ARGV    failed tag, new code HMAC, now (epoch ms), lifetime (ms), maxSends, new tag, new channel
-- Returns {1, sendsLeft, 0} when replaced, {0, 0, retryAfter ms} when the sends are used up,
-- {2, 0, locked until} when locked, {3, 0, 0} when the failed message is no longer the pending code.
local key = KEYS[1]
local now = tonumber(ARGV[3])
local lifetime = tonumber(ARGV[4])
local maxSends = tonumber(ARGV[5])

local state = redis.call('HMGET', key, 'tag', 'expires', 'sends', 'locked', 'failexp')
local locked = tonumber(state[4])
if locked and locked > now then
  return {2, 0, locked}
end
local expires = tonumber(state[2])
if state[1] ~= ARGV[1] or not expires or expires <= now then
  return {3, 0, 0}
end
local sends = tonumber(state[3])
if sends >= maxSends then
  return {0, 0, expires - now}
end
sends = sends + 1
redis.call('HSET', key, 'code', ARGV[2], 'expires', now + lifetime, 'sent', now, 'sends', sends, 'attempts', 0,
  'tag', ARGV[6], 'channel', ARGV[7], 'delivery', '0')
local keep = lifetime
local failexp = tonumber(state[5])
if failexp and failexp - now > keep then
  keep = failexp - now
end
redis.call('PEXPIRE', key, keep)
return {1, maxSends - sends, 0}
