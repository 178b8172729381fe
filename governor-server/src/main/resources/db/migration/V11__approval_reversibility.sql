-- What an approval covers, kept with the approval itself, so that deciding it (four eyes) needs
-- nothing from another feature's tables. NULL for a plan's approval (counted as irreversible).
ALTER TABLE approvals ADD COLUMN reversibility VARCHAR(32);
UPDATE approvals SET reversibility = (SELECT d.reversibility FROM decisions d WHERE d.id = approvals.decision_id)
WHERE decision_id IS NOT NULL;
