<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="659" />
        <location filename="../../relmgr/ui/unlock_dialog.py" line="667" />
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="661" />
        <source>The whole portfolio is re-encrypted with the new password. Keep it safe: without it the portfolio cannot be opened.</source>
        <translation>整个客户库将用新密码重新加密。请妥善保管：没有它就无法打开客户库。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="663" />
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="664" />
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="665" />
        <source>Repeat new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="666" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="697" />
        <source>Enter the current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="701" />
        <source>The password is too weak. Use at least 8 characters, mixing letters with digits or symbols.</source>
        <translation>密码太弱。请至少使用 8 位，混合字母与数字或符号。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="705" />
        <source>The two passwords differ. Type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="709" />
        <source>The new password is the same as the current one.</source>
        <translation>新密码与当前密码相同。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="726" />
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="731" />
        <source>The password could not be changed ({kind}).</source>
        <translation>无法修改密码（{kind}）。</translation>
    </message>
</context>
<context>
    <name>ChurnPage</name>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="93" />
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="94" />
        <source>Rank</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="95" />
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="96" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="97" />
        <location filename="../../relmgr/ui/pages/churn.py" line="523" />
        <source>Tier</source>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="98" />
        <location filename="../../relmgr/ui/pages/churn.py" line="524" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="99" />
        <source>AUM (CNY)</source>
        <translation>资产（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="100" />
        <source>Probability</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="101" />
        <location filename="../../relmgr/ui/pages/churn.py" line="525" />
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="102" />
        <source>Value at risk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="103" />
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="104" />
        <source>Top reasons</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="170" />
        <source>High and medium risk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="171" />
        <source>High risk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="172" />
        <source>Medium risk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="173" />
        <source>Low risk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="174" />
        <source>All bands</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="276" />
        <source>Loading churn warnings…</source>
        <extracomment>Emitted after the warnings list has been (re)loaded, with the number of rows shown. Emitted after a warning was marked handled/snoozed (customer_id): contacts and tasks changed.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="295" />
        <source>Scoring churn risk…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="309" />
        <source>Scoring cancelled: the list shows the last stored scores.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="315" />
        <source>Scoring churn risk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="323" />
        <source>Could not load churn warnings: {error}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="356" />
        <source>No churn model yet: press Refresh scores.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="360" />
        <source>Rule baseline in use: too little history to train a model ({note}). Probabilities come from how long each customer has been inactive.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="365" />
        <source>Model: {kind}, trained {trained}. Predicts churn within {days} days; scores as of {as_of}. Ranked by value at risk = probability × AUM.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="371" />
        <source>The team's churn definition changed since training: retrain the model.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="386" />
        <source>All tiers</source>
        <translation>全部分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="386" />
        <source>All stages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="427" />
        <source>{shown:,} warnings shown (first scoring)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="430" />
        <source>{shown:,} warnings shown, {new:,} new since the last scoring</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="446" />
        <source>Select a warning to see all its reasons.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="450" />
        <source>{customer} {name}: {band} risk, {probability} within {days} days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="460" />
        <source>(+{points:.1f} points of risk)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="463" />
        <source>No single reason stands out.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="464" />
        <source>AUM {aum} CNY; value at risk {var} CNY; state: {state}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="468" />
        <source>until {date}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="471" />
        <source>Note ({when}): {note}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="501" />
        <source>Saving…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="508" />
        <source>Saved; the contact was logged and a follow-up task created.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="509" />
        <source>Saved; the contact was logged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="521" />
        <source>Churn warnings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="522" />
        <source>Refresh scores</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="526" />
        <source>Show handled and snoozed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="527" />
        <source>Mark handled…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="528" />
        <source>Snooze…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/churn.py" line="529" />
        <source>Open customer</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ChurnTexts</name>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="64" />
        <source>AUM down {pct} in 30 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="65" />
        <source>AUM down {pct} in 90 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="66" />
        <source>AUM down {pct} in 180 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="67" />
        <source>Low balance: AUM {amount} at month end</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="68" />
        <source>Transactions down {pct} (last 90 days vs the 90 before)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="70" />
        <source>Net outflow of {amount} in 90 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="71" />
        <source>Salary credit stopped {months} months ago</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="72" />
        <source>Pension credit stopped {months} months ago</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="73" />
        <source>Time deposit of {amount} matured and was withdrawn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="75" />
        <source>Products closed in the last 90 days: {count}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="76" />
        <source>Digital logins down {pct} (last 3 months vs the 3 before)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="78" />
        <source>No contact from the bank for {days} days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="79" />
        <source>Complaints in the last 180 days: {count}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="80" />
        <source>Shorter relationship than most: {days} days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="81" />
        <source>Profile: age {years} and product mix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="83" />
        <source>AUM trend: up {pct} in 90 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="84" />
        <source>AUM trend: down {pct} in 90 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="85" />
        <source>AUM flat over 90 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="86" />
        <source>No transactions for {days} days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="88" />
        <source>Last transaction {days} days ago</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="90" />
        <source>{code}: {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="91" />
        <source>; </source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="38" />
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="39" />
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="42" />
        <source>C1 Conservative</source>
        <translation>C1 保守型</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="43" />
        <source>C2 Cautious</source>
        <translation>C2 稳健型</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="44" />
        <source>C3 Balanced</source>
        <translation>C3 平衡型</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="45" />
        <source>C4 Growth</source>
        <translation>C4 成长型</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="46" />
        <source>C5 Aggressive</source>
        <translation>C5 进取型</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="49" />
        <source>R1 Low risk</source>
        <translation>R1 低风险</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="50" />
        <source>R2 Medium-low risk</source>
        <translation>R2 中低风险</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="51" />
        <source>R3 Medium risk</source>
        <translation>R3 中风险</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="52" />
        <source>R4 Medium-high risk</source>
        <translation>R4 中高风险</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="53" />
        <source>R5 High risk</source>
        <translation>R5 高风险</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="56" />
        <source>Current account</source>
        <translation>活期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="57" />
        <source>Time deposit</source>
        <translation>定期存款</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="58" />
        <source>Large-denomination CD</source>
        <translation>大额存单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="59" />
        <source>Wealth management</source>
        <translation>理财</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="60" />
        <source>Fund</source>
        <translation>基金</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="61" />
        <source>Insurance</source>
        <translation>保险</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="62" />
        <source>Credit card</source>
        <translation>信用卡</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="63" />
        <source>Mortgage</source>
        <translation>房贷</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="64" />
        <source>Consumer loan</source>
        <translation>消费贷</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="65" />
        <source>Business loan</source>
        <translation>经营贷</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="68" />
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="69" />
        <source>Dormant</source>
        <translation>睡眠</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="70" />
        <source>Closed</source>
        <translation>已销户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="73" />
        <source>Salary</source>
        <translation>代发工资</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="74" />
        <source>Pension</source>
        <translation>养老金</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="75" />
        <source>Cash deposit</source>
        <translation>存款</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="76" />
        <source>Transfer in</source>
        <translation>转入</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="77" />
        <source>Transfer out</source>
        <translation>转出</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="78" />
        <source>Withdrawal</source>
        <translation>取款</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="79" />
        <source>Card spending</source>
        <translation>刷卡消费</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="80" />
        <source>Bill payment</source>
        <translation>缴费</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="81" />
        <source>Product purchase</source>
        <translation>购买产品</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="82" />
        <source>Redemption</source>
        <translation>赎回</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="83" />
        <source>Maturity payout</source>
        <translation>到期兑付</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="84" />
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="85" />
        <source>Fee</source>
        <translation>手续费</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="86" />
        <source>Loan repayment</source>
        <translation>贷款还款</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="87" />
        <source>Loan drawdown</source>
        <translation>贷款发放</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="90" />
        <source>Branch counter</source>
        <translation>网点柜面</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="91" />
        <source>Mobile banking</source>
        <translation>手机银行</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="92" />
        <source>Online banking</source>
        <translation>网上银行</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="93" />
        <source>ATM</source>
        <translation>ATM</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="94" />
        <source>POS</source>
        <translation>POS</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="95" />
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="98" />
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="99" />
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="100" />
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="101" />
        <source>Text message</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="102" />
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="105" />
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="106" />
        <source>Product offer</source>
        <translation>产品营销</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="107" />
        <source>Retention</source>
        <translation>挽留</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="108" />
        <source>Customer care</source>
        <translation>客户关怀</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="109" />
        <source>Complaint handling</source>
        <translation>投诉处理</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="112" />
        <source>Reached</source>
        <translation>已联系</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="113" />
        <source>No answer</source>
        <translation>未接通</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="114" />
        <source>Interested</source>
        <translation>有意向</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="322" />
        <source>older</source>
        <extracomment>The code types this module can name; a test checks each member has a translated label.</extracomment>
        <translation>年龄偏大</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="323" />
        <source>younger</source>
        <translation>年轻</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="324" />
        <source>high AUM</source>
        <translation>资产高</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="325" />
        <source>low AUM</source>
        <translation>资产低</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="326" />
        <source>very active</source>
        <translation>交易活跃</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="327" />
        <source>low activity</source>
        <translation>交易少</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="328" />
        <source>digital channels</source>
        <translation>偏好线上渠道</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="329" />
        <source>branch channel</source>
        <translation>偏好网点</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="330" />
        <source>many products</source>
        <translation>持有产品多</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="331" />
        <source>few products</source>
        <translation>产品少</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="332" />
        <source>long-standing</source>
        <translation>老客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="333" />
        <source>recently joined</source>
        <translation>新近开户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="334" />
        <source>frequent app logins</source>
        <translation>常登录手机银行</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="335" />
        <source>rarely logs in</source>
        <translation>很少登录</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="350" />
        <source>Welcome call in the first two weeks; set up mobile banking and salary credit; learn their goals and book a review at 60 days.</source>
        <translation>两周内致电欢迎；协助开通手机银行和代发工资；了解客户目标，约好 60 天回访。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="353" />
        <source>Deepen the relationship: a second product that fits their risk rating, a regular investment plan, card and payment services.</source>
        <translation>深化关系：推荐符合其风险评级的第二个产品、定投计划、信用卡和支付服务。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="356" />
        <source>Keep the cadence of their tier; annual portfolio review; renew the risk assessment before it expires; ask for referrals.</source>
        <translation>按分层频率维护；每年做一次资产检视；风险测评到期前及时更新；请客户转介绍。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="359" />
        <source>Call within a week: ask what changed (rates, service, life events); offer a maturity plan or better-suited product; log the outcome and follow up.</source>
        <translation>一周内致电：了解变化原因（利率、服务、生活变化）；提供到期续作方案或更合适的产品；记录结果并跟进。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="362" />
        <source>Win back only the valuable: a courtesy call to learn why they left; note the reason for the team; no hard selling.</source>
        <translation>只挽回有价值的客户：礼节性致电了解流失原因；为团队记录原因；不强行推销。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="31" />
        <source>Customer has left the bank</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="32" />
        <source>Risk level above the customer's risk rating</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="33" />
        <source>Risk assessment expired (only R1 allowed)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="34" />
        <source>Customer below the product's minimum age</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="35" />
        <source>Customer above the product's maximum age</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="36" />
        <source>AUM below the product's minimum amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="37" />
        <source>Already held (not repeatable)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="38" />
        <source>Declined recently (cool-down)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="39" />
        <source>Customer said "not now" recently</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="40" />
        <source>Accepted recently</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="43" />
        <source>Renew risk assessment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="46" />
        <source>Customer aged 65 or over and a product above R2: explain the risk with care; accepting needs your note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="52" />
        <location filename="../../relmgr/ui/texts.py" line="115" />
        <source>Declined</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="53" />
        <source>Not now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="56" />
        <source>Similar holdings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="57" />
        <source>Often bought together</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="58" />
        <source>Maturity coming up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="59" />
        <source>Large inflow</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="60" />
        <source>Salary, no credit card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="61" />
        <source>Life stage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="62" />
        <source>Similar customers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="71" />
        <source>{share_similar} of the {similar_customers} customers holding {anchors} also hold {product}, vs {share_all} overall</source>
        <extracomment>The code types named here; a test checks every member has a label.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="74" />
        <source>{confidence} of customers holding {antecedent} also hold {product} ({lift}× the average)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="77" />
        <source>{maturing_product} of {amount} matures in {days} days ({maturity_on})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="79" />
        <source>{amount} came in over the last {days} days (deposits and transfers)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="81" />
        <source>salary credited monthly ({months} of the last {window_months} months, avg {avg_salary}), no credit card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="84" />
        <source>aged {age}: {product} fits the {band} life stage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="86" />
        <source>{share_peers} of {peers} similar customers (age {age_band}, AUM {aum_band}) hold {product}, vs {share_all} overall</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="90" />
        <source>{maturing_product} of {amount} matures today ({maturity_on})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="91" />
        <source> and </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="221" />
        <source>Renew the risk assessment: last assessed {date}, {days} days ago (valid {valid} days). Until then only R1 products can be offered.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="226" />
        <source>Renew the risk assessment: the customer has none on file. Until then only R1 products can be offered.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="240" />
        <source>assessed {date}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="243" />
        <source>min age {limit}, customer {age}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="246" />
        <source>max age {limit}, customer {age}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="249" />
        <source>min {amount}, AUM {aum}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="116" />
        <source>Complained</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="27" />
        <source>High</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="28" />
        <source>Medium</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="29" />
        <source>Low</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="32" />
        <location filename="../../relmgr/ui/texts.py" line="119" />
        <source>Open</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="33" />
        <source>Handled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="34" />
        <source>Snoozed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="37" />
        <source>Gradient boosting model (calibrated)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="38" />
        <source>Rule baseline (days since last activity)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="43" />
        <source>AUM drop (30 days)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="44" />
        <source>AUM drop (90 days)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="45" />
        <source>AUM drop (180 days)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="46" />
        <source>AUM trend (90 days)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="47" />
        <source>Low balance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="48" />
        <source>Inactivity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="49" />
        <source>Fewer transactions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="50" />
        <source>Net outflow</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="51" />
        <source>Salary stopped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="52" />
        <source>Pension stopped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="53" />
        <source>Matured deposit withdrawn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="54" />
        <source>Products closed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="55" />
        <source>Fewer digital logins</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="56" />
        <source>No recent contact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="57" />
        <source>Complaints</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="58" />
        <source>New customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/churn_texts.py" line="59" />
        <source>Age and product mix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="120" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="121" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="124" />
        <source>Treatment group</source>
        <translation>实验组</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="125" />
        <source>Control group</source>
        <translation>对照组</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="128" />
        <source>Pending</source>
        <translation>待回复</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/reco_texts.py" line="51" />
        <location filename="../../relmgr/ui/texts.py" line="129" />
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="130" />
        <source>Offer declined</source>
        <translation>拒绝推荐</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="131" />
        <source>No response</source>
        <translation>无回应</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="134" />
        <source>Portfolio created</source>
        <translation>创建客户库</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="135" />
        <source>Unlocked</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="136" />
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="137" />
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="138" />
        <source>Data imported</source>
        <translation>数据导入</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="139" />
        <source>ID number revealed</source>
        <translation>查看完整证件号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="140" />
        <source>Phone number revealed</source>
        <translation>查看完整手机号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="141" />
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="142" />
        <source>Synced to head office</source>
        <translation>同步至总行</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="148" />
        <source>Private banking</source>
        <translation>私人银行</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="149" />
        <source>Wealth</source>
        <translation>财富</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="150" />
        <source>VIP</source>
        <translation>贵宾</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="151" />
        <source>Mass</source>
        <translation>大众</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="154" />
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="155" />
        <source>Upgrade</source>
        <translation>升级</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="156" />
        <source>Downgrade</source>
        <translation>降级</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="159" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="160" />
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="161" />
        <source>Not due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="162" />
        <source>Digital only</source>
        <translation>仅线上服务</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="165" />
        <source>Important value</source>
        <translation>重要价值客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="166" />
        <source>Important development</source>
        <translation>重要发展客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="167" />
        <source>Important retention</source>
        <translation>重要保持客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="168" />
        <source>Important win-back</source>
        <translation>重要挽留客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="169" />
        <source>General value</source>
        <translation>一般价值客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="170" />
        <source>General development</source>
        <translation>一般发展客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="171" />
        <source>General retention</source>
        <translation>一般保持客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="172" />
        <source>General win-back</source>
        <translation>一般挽留客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="175" />
        <source>Acquisition</source>
        <translation>获客期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="176" />
        <source>Growth</source>
        <translation>成长期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="177" />
        <source>Maturity</source>
        <translation>成熟期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="178" />
        <source>Decline</source>
        <translation>衰退期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="179" />
        <source>Churned</source>
        <translation>流失</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="182" />
        <source>All accounts closed</source>
        <translation>所有账户已销户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="183" />
        <source>Dormant: no activity for {days_inactive} days</source>
        <translation>睡眠：{days_inactive} 天无交易</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="184" />
        <source>New customer: {tenure_days} days with the bank</source>
        <translation>新客户：开户 {tenure_days} 天</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="185" />
        <source>AUM down {change_pct}% in 90 days</source>
        <translation>90 天内资产下降 {change_pct}%</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="186" />
        <source>Activity halved: {txns_recent} transactions vs {txns_previous} before</source>
        <translation>活跃度减半：近期 {txns_recent} 笔交易，此前 {txns_previous} 笔</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="188" />
        <source>AUM up {change_pct}% in 90 days</source>
        <translation>90 天内资产增长 {change_pct}%</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="189" />
        <source>Products added: {products_now} now vs {products_before} before</source>
        <translation>新增产品：现有 {products_now} 个，此前 {products_before} 个</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="191" />
        <source>Steady relationship</source>
        <translation>关系稳定</translation>
    </message>
</context>
<context>
    <name>CustomerPane</name>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="209" />
        <source>{age} · {gender}</source>
        <extracomment>Emitted after a reveal was audited (the field name), for the status bar.</extracomment>
        <translation>{age} 岁 · {gender}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="215" />
        <source> (assessed {date})</source>
        <translation>（{date} 评估）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="217" />
        <source>expired, renew before any sale</source>
        <translation>已过期，销售前须重新评估</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="221" />
        <source>, closed {date}</source>
        <translation>，{date} 销户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="226" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="227" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="229" />
        <source>not computed yet</source>
        <translation>尚未计算</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="235" />
        <source>{number}: {words}</source>
        <translation>{number}：{words}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="245" />
        <source>CNY 10,000</source>
        <translation>万元</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="278" />
        <source>Choose a customer in the list to see their 360 view.</source>
        <translation>在列表中选择一位客户，查看客户360视图。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="280" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="280" />
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="280" />
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="281" />
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="281" />
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="282" />
        <source>Risk rating</source>
        <translation>风险评级</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="282" />
        <source>Preferred channel</source>
        <translation>常用渠道</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="283" />
        <source>Customer since</source>
        <translation>开户日期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="283" />
        <source>AUM (CNY)</source>
        <translation>资产（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="284" />
        <source>Loans and cards (CNY)</source>
        <translation>贷款及信用卡（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="284" />
        <source>Last activity</source>
        <translation>最近交易</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="285" />
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="285" />
        <source>Service tier</source>
        <translation>客户分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="286" />
        <source>RFM segment</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="286" />
        <source>Lifecycle stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="287" />
        <source>Why this stage</source>
        <translation>阶段依据</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="287" />
        <source>Behaviour cluster</source>
        <translation>行为细分</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="291" />
        <location filename="../../relmgr/ui/customer_pane.py" line="292" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="293" />
        <source>Shows the full value for {seconds} seconds; the reveal is written to the audit log.</source>
        <translation>显示完整信息 {seconds} 秒；此操作会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="297" />
        <source>AUM trend, month end (CNY 10,000)</source>
        <translation>资产走势（月末，万元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="298" />
        <source>Holdings</source>
        <translation>持仓</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="299" />
        <source>Recent transactions</source>
        <translation>近期交易</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="300" />
        <source>Contact history</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="302" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="302" />
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="302" />
        <source>Balance (CNY)</source>
        <translation>余额（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="302" />
        <source>Opened</source>
        <translation>开立日期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="303" />
        <source>Matures</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="303" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="305" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="305" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="305" />
        <source>Amount (CNY)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="305" />
        <location filename="../../relmgr/ui/customer_pane.py" line="307" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="307" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="307" />
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="307" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="307" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="29" />
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="30" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="31" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="32" />
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="33" />
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="34" />
        <source>Tier</source>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="35" />
        <source>AUM (CNY)</source>
        <translation>资产（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="36" />
        <source>Products</source>
        <translation>产品数</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="37" />
        <source>Last activity</source>
        <translation>最近交易</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="38" />
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="39" />
        <source>Lifecycle stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="40" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../relmgr/ui/pages/customers.py" line="97" />
        <source>Could not load customers</source>
        <extracomment>Emitted when the list has been loaded (number of customers). Emitted when a customer's 360 view is on screen (customer_id).</extracomment>
        <translation>无法加载客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/customers.py" line="140" />
        <source>{shown:,} of {total:,} customers</source>
        <translation>{shown:,} / {total:,} 位客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/customers.py" line="141" />
        <source>{total:,} customers</source>
        <translation>{total:,} 位客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/customers.py" line="177" />
        <source>Search by name, last 4 digits of ID or mobile, or customer no.</source>
        <translation>按姓名、证件号或手机号后四位、客户号搜索</translation>
    </message>
</context>
<context>
    <name>LifecyclePage</name>
    <message>
        <location filename="../../relmgr/ui/pages/lifecycle.py" line="33" />
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/lifecycle.py" line="34" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/lifecycle.py" line="35" />
        <source>Tier</source>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/lifecycle.py" line="36" />
        <source>AUM (CNY)</source>
        <translation>资产（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/lifecycle.py" line="37" />
        <source>In stage since</source>
        <translation>进入阶段日期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/lifecycle.py" line="38" />
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/lifecycle.py" line="163" />
        <source>{stage}: {count:,} customers, largest first</source>
        <translation>{stage}：{count:,} 位客户，按资产从高到低</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/lifecycle.py" line="165" />
        <source>What to do: {playbook}</source>
        <translation>建议做法：{playbook}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/lifecycle.py" line="175" />
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/lifecycle.py" line="182" />
        <source>Customer lifecycle</source>
        <translation>客户生命周期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/lifecycle.py" line="183" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/lifecycle.py" line="183" />
        <location filename="../../relmgr/ui/pages/lifecycle.py" line="186" />
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/lifecycle.py" line="183" />
        <source>AUM share</source>
        <translation>资产占比</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/lifecycle.py" line="184" />
        <source>Customers by stage at each month end</source>
        <translation>各月末客户阶段分布</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/lifecycle.py" line="185" />
        <source>Moves in</source>
        <translation>阶段变动月份</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/lifecycle.py" line="186" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/lifecycle.py" line="186" />
        <source>To</source>
        <translation>到</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="271" />
        <source>{count:,} customers</source>
        <translation>{count:,} 位客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="272" />
        <source>Data as of {date}</source>
        <translation>数据日期 {date}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="267" />
        <source>Revealed and written to the audit log.</source>
        <translation>已显示完整信息，并记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="221" />
        <source>Computing tiers, segments and lifecycle stages…</source>
        <extracomment>Emitted after each successful unlock, and after each lock.</extracomment>
        <translation>正在计算客户分层、分群和生命周期…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="224" />
        <source>Segments could not be computed ({kind}).</source>
        <translation>无法计算客户分群（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="277" />
        <source>Demo portfolio (synthetic data)</source>
        <translation>演示客户库（模拟数据）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="286" />
        <source>relmgr — Relationship Manager Workbench</source>
        <translation>relmgr — 客户经理工作台</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="287" />
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="287" />
        <source>Service tiers</source>
        <translation>客户分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="288" />
        <source>Segments</source>
        <translation>客户分群</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="288" />
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="290" />
        <source>Locked. Enter the password to see the portfolio.</source>
        <translation>已锁定。输入密码后才能查看客户库。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="291" />
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="292" />
        <source>Lock now (Ctrl+L): hides all customer data</source>
        <translation>立即锁定（Ctrl+L）：隐藏所有客户数据</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="293" />
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="294" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="295" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
</context>
<context>
    <name>ModelCardPage</name>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="38" />
        <source>Gradient boosting model (calibrated)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="39" />
        <source>Logistic regression (transparent baseline)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="40" />
        <source>Rule baseline: days since last activity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="146" />
        <source>Loading…</source>
        <extracomment>Not emitted (the card lists no customers); present for the page contract. Emitted when the card is on screen (after load or retrain). Emitted after a retrain: stored churn scores are now stale and should be recomputed.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="154" />
        <source>Training the churn model…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="165" />
        <source>Training cancelled: the previous model stays in use.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="171" />
        <source>Training the churn model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="183" />
        <source>Could not load the model card: {error}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="207" />
        <source>No churn model trained yet: press Retrain.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="215" />
        <source>Rule baseline in use: too little history to train a model ({note}). The warnings' probabilities are the churn rates by days since the last activity shown below.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="219" />
        <source>In use: {kind}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="222" />
        <source>The team's churn definition changed since this was trained: retrain.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="230" />
        <source>The probability that a customer churns within {horizon} days after the data date. Churned means: every account closed, or no transaction of their own for {inactive} days with less than {dormant} CNY left. Risk bands: high from {high:.0%}, medium from {medium:.0%}. Both the definition and the horizon are team rules.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="244" />
        <source>Trained {when} on data as of {as_of}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="247" />
        <source>Learned from {count} month ends ({first} to {last}), calibrated on {calibrate}, tested out of time on {holdout}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="252" />
        <source>Held-out month: {rows:,} customers, {churners:,} of whom churned.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="261" />
        <source>(in use)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="275" />
        <source>On the held-out month the model ranks churners better than the rule by {delta:+.3f} ROC-AUC; its top 10% of scores hold {lift:.1f}× the average churn rate (rule: {rule_lift:.1f}×).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="281" />
        <source>No model metrics: no model was trained. The rule's own figures on the held-out month are shown where there were churners to measure them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="289" />
        <source>Rule baseline (in use)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="289" />
        <location filename="../../relmgr/ui/pages/model_card.py" line="350" />
        <source>Rule baseline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="293" />
        <source>{low}–{high} days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="295" />
        <source>{low} days or more</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="310" />
        <source>No calibration to show: no model was trained.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="317" />
        <source>Each point is a tenth of the held-out customers, by predicted probability: on the diagonal, the predicted churn rate came true.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="323" />
        <source>Perfect calibration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="324" />
        <source>Predicted churn probability</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="324" />
        <source>Observed churn rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="344" />
        <source>Churn model card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="345" />
        <source>Retrain</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="346" />
        <source>What it predicts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="347" />
        <source>Training</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="348" />
        <source>Out-of-time quality (same held-out customers for all three)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="349" />
        <source>Calibration: predicted vs observed, by decile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="352" />
        <source>Scorer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="352" />
        <source>ROC-AUC</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="352" />
        <source>PR-AUC</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="352" />
        <source>Churn rate in top 10%</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="353" />
        <source>Top-decile lift</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="353" />
        <source>Base rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="354" />
        <source>Days since last activity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/model_card.py" line="355" />
        <source>Churn probability</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RecommendationPanel</name>
    <message>
        <location filename="../../relmgr/ui/recommendation_panel.py" line="248" />
        <source>Loading…</source>
        <extracomment>The panel shows fresh data for this customer (also after an answer was recorded). An answer was stored: customer_id, product_id, RecoOutcome value.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendation_panel.py" line="270" />
        <source>Could not compute recommendations ({kind}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendation_panel.py" line="293" />
        <source>Choose a customer to see the products that suit them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendation_panel.py" line="300" />
        <source>as of {date}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendation_panel.py" line="309" />
        <source>No product passes the suitability rules for this customer: see why below.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendation_panel.py" line="321" />
        <source>Why not other products? ({count})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendation_panel.py" line="329" />
        <source>also: {rules}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendation_panel.py" line="380" />
        <source>Recorded: {product} — {outcome}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendation_panel.py" line="392" />
        <source>Nothing was recorded. Accepting {product} needs your note: this customer comes under the extra care of the senior sales rules. Write what you explained and why the product suits them, then press Accept again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendation_panel.py" line="400" />
        <source>Nothing was recorded: the answer could not be stored ({kind}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendation_panel.py" line="406" />
        <source>Recommended products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendation_panel.py" line="408" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendation_panel.py" line="408" />
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendation_panel.py" line="408" />
        <source>Removed by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendation_panel.py" line="408" />
        <source>Details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendation_panel.py" line="409" />
        <source>Every product the suitability and eligibility rules removed for this customer, with the rule (for compliance).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RecommendationsPage</name>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="102" />
        <source>Customer no.</source>
        <extracomment>The push lists are on screen (number of rows over all products). The outcome statistics were (re)loaded.</extracomment>
        <translation>客户号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="103" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="104" />
        <source>Tier</source>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="105" />
        <source>Rank</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="106" />
        <source>Fit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="107" />
        <source>Extra care</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="108" />
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="158" />
        <source>Ranking products for every customer…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="159" />
        <source>Recommending products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="185" />
        <source>Could not compute recommendations ({kind}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="192" />
        <source>Cancelled: press Refresh to rank again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="217" />
        <source>{product} ({count:,})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="224" />
        <source>Not computed yet: press Refresh.</source>
        <translation>尚未计算：请点击“刷新”。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="226" />
        <source>Data as of {date}; computed {when}</source>
        <translation>数据日期 {date}；计算于 {when}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="251" />
        <source>{count:,} customers to approach</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="253" />
        <source>; {notes:,} need extra care</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="266" />
        <source>No answers recorded yet: Accept / Decline / Not now in a customer's recommendation panel are counted here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="268" />
        <source>{count:,} answers recorded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="275" />
        <source>senior: note to accept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="279" />
        <source>Recommendations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="280" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="281" />
        <location filename="../../relmgr/ui/pages/recommendations.py" line="290" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="282" />
        <source>Customers whose top 3 suitable products include this one, best fit first. Double-click to open the customer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="284" />
        <source>Whom to approach</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="285" />
        <source>Outcomes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="286" />
        <source>Acceptance by product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="287" />
        <source>Acceptance by reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="288" />
        <source>Answered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="288" />
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="288" />
        <source>Declined</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="288" />
        <source>Not now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="289" />
        <source>Acceptance rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/recommendations.py" line="291" />
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SegmentsPage</name>
    <message>
        <location filename="../../relmgr/ui/pages/segments.py" line="27" />
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/segments.py" line="28" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/segments.py" line="29" />
        <source>Tier</source>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/segments.py" line="30" />
        <source>Days since last transaction</source>
        <translation>距最近交易天数</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/segments.py" line="31" />
        <source>Transactions, 12 months</source>
        <translation>近 12 个月交易笔数</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/segments.py" line="32" />
        <source>AUM, 3-month average</source>
        <translation>近 3 个月日均资产</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/segments.py" line="33" />
        <source>R F M</source>
        <translation>R F M</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/segments.py" line="34" />
        <location filename="../../relmgr/ui/pages/segments.py" line="181" />
        <source>Cluster</source>
        <translation>细分群</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/segments.py" line="132" />
        <location filename="../../relmgr/ui/pages/segments.py" line="137" />
        <location filename="../../relmgr/ui/pages/segments.py" line="175" />
        <location filename="../../relmgr/ui/pages/segments.py" line="181" />
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/segments.py" line="134" />
        <location filename="../../relmgr/ui/pages/segments.py" line="138" />
        <source>AUM share %</source>
        <translation>资产占比 %</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/segments.py" line="147" />
        <source>age {age:.0f}, AUM {aum}, {txns:.0f} transactions/yr, {products:.1f} products</source>
        <translation>平均 {age:.0f} 岁，资产 {aum}，每年 {txns:.0f} 笔交易，{products:.1f} 个产品</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/segments.py" line="164" />
        <source>{segment}: {count:,} customers, largest first</source>
        <translation>{segment}：{count:,} 位客户，按资产从高到低</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/segments.py" line="168" />
        <source>Customer segments</source>
        <translation>客户分群</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/segments.py" line="170" />
        <source>RFM: Recency = days since the last customer-initiated transaction; Frequency = such transactions in the last 12 months; Monetary = 3-month average AUM (what the customer keeps with us, which is what the branch is measured on; net inflow swings with single large transfers). Each is high or low against the portfolio median.</source>
        <translation>RFM：R（最近一次）= 距客户最近一次主动交易的天数；F（频率）= 近 12 个月主动交易笔数；M（金额）= 近 3 个月日均资产（客户留在本行的资产，也是网点的考核口径；净流入会因单笔大额转账大幅波动）。三项均与全体客户的中位数比较，分高低。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/segments.py" line="175" />
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/segments.py" line="175" />
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/segments.py" line="175" />
        <source>AUM share</source>
        <translation>资产占比</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/segments.py" line="177" />
        <source>Behaviour clusters: k-means on standardised behaviour features (age, AUM, activity, channel, products, tenure, logins); the number of clusters is the one with the best silhouette score. Descriptions are generated from each cluster's profile.</source>
        <translation>行为细分：对标准化后的行为特征（年龄、资产、活跃度、渠道、产品数、客龄、登录次数）做 K 均值聚类；群数取轮廓系数最高者。描述由各群的特征画像自动生成。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/segments.py" line="181" />
        <source>Profile</source>
        <translation>画像</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/segments.py" line="181" />
        <source>In plain words</source>
        <translation>通俗描述</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/segments.py" line="182" />
        <source>RFM segments</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/segments.py" line="183" />
        <source>Behaviour clusters</source>
        <translation>行为细分</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../relmgr/ui/settings_dialog.py" line="64" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/settings_dialog.py" line="66" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/settings_dialog.py" line="69" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/settings_dialog.py" line="70" />
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/settings_dialog.py" line="71" />
        <source>Change portfolio password…</source>
        <translation>修改客户库密码…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/settings_dialog.py" line="72" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/settings_dialog.py" line="73" />
        <source>Lock after idle</source>
        <translation>空闲自动锁定</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/settings_dialog.py" line="74" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="117" />
        <source>At least 8 characters; mix letters, digits and symbols.</source>
        <translation>至少 8 位，混合字母、数字和符号。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="119" />
        <source>Strength: weak</source>
        <translation>强度：弱</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="119" />
        <source>Strength: fair</source>
        <translation>强度：中</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="120" />
        <source>Strength: strong</source>
        <translation>强度：强</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../relmgr/ui/tasks.py" line="117" />
        <source>Cancel</source>
        <extracomment>Emitted whenever a call is queued or finished; views show a busy cursor from it.</extracomment>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TiersPage</name>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="28" />
        <location filename="../../relmgr/ui/pages/tiers.py" line="38" />
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="29" />
        <location filename="../../relmgr/ui/pages/tiers.py" line="39" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="30" />
        <location filename="../../relmgr/ui/pages/tiers.py" line="166" />
        <location filename="../../relmgr/ui/pages/tiers.py" line="168" />
        <source>Tier</source>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="31" />
        <location filename="../../relmgr/ui/pages/tiers.py" line="43" />
        <source>3-month avg AUM</source>
        <translation>近 3 个月日均资产</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="32" />
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="33" />
        <source>Due on</source>
        <translation>应联系日期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="34" />
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="35" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="40" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="41" />
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="42" />
        <source>Move</source>
        <translation>变动</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="124" />
        <source>Not computed yet: press Refresh.</source>
        <translation>尚未计算：请点击“刷新”。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="127" />
        <source>Data as of {date}; computed {when}</source>
        <translation>数据日期 {date}；计算于 {when}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="130" />
        <source>every {days} days</source>
        <translation>每 {days} 天</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="131" />
        <source>digital only</source>
        <translation>仅线上服务</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="160" />
        <source>{count:,} customers</source>
        <translation>{count:,} 位客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="163" />
        <source>Service tiers</source>
        <translation>客户分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="164" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="166" />
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="166" />
        <source>AUM (CNY)</source>
        <translation>资产（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="166" />
        <source>AUM share</source>
        <translation>资产占比</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="167" />
        <source>Contact cadence</source>
        <translation>联系频率</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="167" />
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="167" />
        <location filename="../../relmgr/ui/pages/tiers.py" line="176" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="169" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="174" />
        <source>All tiers</source>
        <translation>全部分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="176" />
        <source>Due or overdue</source>
        <translation>到期或逾期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="176" />
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="177" />
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="182" />
        <source>Due for contact</source>
        <translation>待联系名单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/pages/tiers.py" line="183" />
        <source>Tier changes this month</source>
        <translation>本月分层变动</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="305" />
        <source>Unlock portfolio</source>
        <translation>解锁客户库</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="306" />
        <source>Portfolio locked</source>
        <translation>客户库已锁定</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="307" />
        <source>Relationship Manager Workbench</source>
        <translation>客户经理工作台</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="310" />
        <source>Open your encrypted customer portfolio, create a new one, or try the demo.</source>
        <translation>打开加密的客户库，新建一个，或试用演示客户库。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="313" />
        <source>The portfolio is locked. Enter its password to continue.</source>
        <translation>客户库已锁定，请输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="314" />
        <location filename="../../relmgr/ui/unlock_dialog.py" line="430" />
        <source>Open portfolio</source>
        <translation>打开客户库</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="315" />
        <source>Create new</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="316" />
        <location filename="../../relmgr/ui/unlock_dialog.py" line="528" />
        <source>Demo portfolio</source>
        <translation>演示客户库</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="317" />
        <source>Portfolio file</source>
        <translation>客户库文件</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="318" />
        <location filename="../../relmgr/ui/unlock_dialog.py" line="322" />
        <location filename="../../relmgr/ui/unlock_dialog.py" line="334" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="319" />
        <location filename="../../relmgr/ui/unlock_dialog.py" line="324" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="320" />
        <source>New file</source>
        <translation>新文件</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="321" />
        <source>e.g. my-customers.rmdb</source>
        <translation>例如 my-customers.rmdb</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="323" />
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="326" />
        <source>A synthetic portfolio of {count} customers with realistic holdings, transactions and contact history, for trying relmgr. It holds no real customer data, which is why its password is shown here. It is created on first use; that takes a moment.</source>
        <translation>一个包含 {count} 位模拟客户的演示客户库，有逼真的持仓、交易和联系记录，供试用 relmgr。其中没有任何真实客户数据，所以这里直接显示它的密码。首次使用时创建，需要稍等片刻。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="330" />
        <source>Demo password:</source>
        <translation>演示密码：</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="335" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="346" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="348" />
        <source>Create portfolio</source>
        <translation>创建客户库</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="350" />
        <source>Open demo</source>
        <translation>打开演示</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="383" />
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="385" />
        <source>The portfolio file was not found.</source>
        <translation>找不到客户库文件。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="387" />
        <source>This file is not a relmgr portfolio.</source>
        <translation>此文件不是 relmgr 客户库。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="389" />
        <source>The portfolio file is damaged and cannot be opened.</source>
        <translation>客户库文件已损坏，无法打开。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="391" />
        <location filename="../../relmgr/ui/unlock_dialog.py" line="504" />
        <source>A file with this name already exists. Choose another name.</source>
        <translation>已有同名文件，请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="393" />
        <source>Cancelled. Nothing was created.</source>
        <translation>已取消，没有创建任何文件。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="395" />
        <source>The file could not be read or written.</source>
        <translation>无法读取或写入该文件。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="397" />
        <source>The portfolio could not be opened ({kind}).</source>
        <translation>无法打开客户库（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="431" />
        <source>relmgr portfolios (*.rmdb);;All files (*)</source>
        <translation>relmgr 客户库 (*.rmdb);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="439" />
        <source>New portfolio</source>
        <translation>新建客户库</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="439" />
        <source>relmgr portfolios (*.rmdb)</source>
        <translation>relmgr 客户库 (*.rmdb)</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="453" />
        <source>Choose a portfolio file.</source>
        <translation>请选择客户库文件。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="465" />
        <source>Enter the password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="488" />
        <source>Enter a name for the new portfolio file.</source>
        <translation>请输入新客户库的文件名。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="493" />
        <source>The password is too weak. Use at least 8 characters, mixing letters with digits or symbols.</source>
        <translation>密码太弱。请至少使用 8 位，混合字母与数字或符号。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="498" />
        <source>The two passwords differ. Type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="512" />
        <source>The demo portfolio is not available in this build.</source>
        <translation>此版本不含演示客户库。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="526" />
        <source>Creating the demo portfolio…</source>
        <translation>正在创建演示客户库…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="526" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>WarningDialog</name>
    <message>
        <location filename="../../relmgr/ui/warning_dialog.py" line="131" />
        <source>Write a note: what was said or agreed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/warning_dialog.py" line="133" />
        <source>The note is too long (at most {count:,} characters).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/warning_dialog.py" line="136" />
        <source>Choose a date after today to snooze until.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/warning_dialog.py" line="138" />
        <source>The follow-up date lies in the past.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/warning_dialog.py" line="157" />
        <source>Snooze churn warning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/warning_dialog.py" line="158" />
        <source>Snooze the warning of {customer}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/warning_dialog.py" line="160" />
        <source>Mark churn warning handled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/warning_dialog.py" line="161" />
        <source>Mark the warning of {customer} handled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/warning_dialog.py" line="163" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/warning_dialog.py" line="164" />
        <source>Required: what was said or agreed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/warning_dialog.py" line="165" />
        <source>Snooze until</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/warning_dialog.py" line="166" />
        <source>Contacted by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/warning_dialog.py" line="167" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/warning_dialog.py" line="168" />
        <source>Create a follow-up task due on</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>_ProductCard</name>
    <message>
        <location filename="../../relmgr/ui/recommendation_panel.py" line="150" />
        <source>fit {score:.2f}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendation_panel.py" line="151" />
        <source>Fit score: about the share of customers like this one who hold the product (higher is a better fit; it can exceed 1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendation_panel.py" line="155" />
        <source>Note needed to accept: what you explained and why it suits them</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendation_panel.py" line="156" />
        <source>Accept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendation_panel.py" line="157" />
        <source>Decline</source>
        <translation>衰退期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendation_panel.py" line="158" />
        <source>Not now</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>