-- Removes one phone's verification if it still holds the given code HMAC (sending that code failed).
-- KEYS[1] the phone's verification hash
-- ARGV    the HMAC of the code that could not be sent
-- Returns 1 when removed, 0 when absent or holding another code. A plain comparison is enough here: the HMAC
-- comes from the verifier itself, not from a user's guess.
if redis.call('HGET', KEYS[1], 'code') == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
