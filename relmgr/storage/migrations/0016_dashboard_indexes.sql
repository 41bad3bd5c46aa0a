-- Covering indexes for the Home page and the monthly report (issue 18), which sum a year of
-- months over every customer. Without them each sum read the whole table: at 50,000 customers
-- the month-end AUM totals scanned 1.3 million monthly_balances rows (0.5-1.1 s) and the net
-- inflow read the wide flow_months rows of twelve months (0.26 s). With them each is a range
-- of a narrow index (0.08 s; figures identical, the same SQL). Kept up to date by SQLite at
-- every import; building them on upgrade takes a few seconds at branch scale.
CREATE INDEX monthly_balances_by_month ON monthly_balances (month, aum_end);
CREATE INDEX flow_months_money ON flow_months (month, money_in, money_out);
