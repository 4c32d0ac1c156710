-- When the agent last told the server its own state (agent_state), by the server's clock. A laptop
-- whose agent last said it is in a guest session, wiping or dirty is never handed out, whatever the
-- device's lifecycle state says (a lost write, a bug): FleetService.handOut checks both.
ALTER TABLE device ADD COLUMN agent_state_at TIMESTAMP WITH TIME ZONE;
