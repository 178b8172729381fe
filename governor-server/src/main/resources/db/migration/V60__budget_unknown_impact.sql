-- Issue 14: an impact figure the agent did not declare is unknown, never 0. An ALLOWed mutation
-- (for instance one a human approved) may leave a figure undeclared; its row stores null, and a
-- budget sum over a null is unknown (decision-tables/budgets.dmn says what that means).
ALTER TABLE budget_usage ALTER COLUMN records DROP NOT NULL;
ALTER TABLE budget_usage ALTER COLUMN users DROP NOT NULL;
ALTER TABLE budget_usage ALTER COLUMN monetary_value DROP NOT NULL;
