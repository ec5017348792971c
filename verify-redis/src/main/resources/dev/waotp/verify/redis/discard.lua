-- Removes one key's code if it is still the given HMAC (sending that code failed); its failures stay.
-- KEYS[1] the key's hash
-- ARGV    the HMAC of the code that could not be sent
-- Returns 1 when removed, 0 when absent or holding another code. A plain comparison is enough here: the HMAC
-- comes from the verifier itself, not from a user's guess.
if redis.call('HGET', KEYS[1], 'code') ~= ARGV[1] then
  return 0
end
if redis.call('HEXISTS', KEYS[1], 'failures') == 1 then
  redis.call('HDEL', KEYS[1], 'code', 'expires', 'sent', 'sends', 'attempts', 'tag', 'channel', 'delivery')
  return 1
end
return redis.call('DEL', KEYS[1])
