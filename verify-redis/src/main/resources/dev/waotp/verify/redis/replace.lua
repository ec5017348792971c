-- The fallback of one key's verification, atomic: if its live code is still the one sent with the failed tag, put the
-- new code in that code's place. It takes the failed send's place: the sends, the last send time, the expiry and the
-- attempts stay (so does the key's own expiry); only the code, its tag and channel change, and the delivery is reset.
-- KEYS[1] the key's hash
-- ARGV    failed tag, new code HMAC, now (epoch ms), new tag, new channel
-- Returns {1, 0, expires (epoch ms)} when replaced, {2, 0, locked until} when locked,
-- {3, 0, 0} when the failed message is no longer the pending code.
local key = KEYS[1]
local now = tonumber(ARGV[3])

local state = redis.call('HMGET', key, 'tag', 'expires', 'locked')
local locked = tonumber(state[3])
if locked and locked > now then
  return {2, 0, locked}
end
local expires = tonumber(state[2])
if state[1] ~= ARGV[1] or not expires or expires <= now then
  return {3, 0, 0}
end
redis.call('HSET', key, 'code', ARGV[2], 'tag', ARGV[4], 'channel', ARGV[5], 'delivery', '0')
return {1, 0, expires}
