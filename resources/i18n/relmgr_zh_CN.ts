<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="660" />
        <location filename="../../relmgr/ui/unlock_dialog.py" line="668" />
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="662" />
        <source>The whole portfolio is re-encrypted with the new password. Keep it safe: without it the portfolio cannot be opened.</source>
        <translation>整个客户库将用新密码重新加密。请妥善保管：没有它就无法打开客户库。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="664" />
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="665" />
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="666" />
        <source>Repeat new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="667" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="698" />
        <source>Enter the current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="702" />
        <source>The password is too weak. Use at least 8 characters, mixing letters with digits or symbols.</source>
        <translation>密码太弱。请至少使用 8 位，混合字母与数字或符号。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="706" />
        <source>The two passwords differ. Type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="710" />
        <source>The new password is the same as the current one.</source>
        <translation>新密码与当前密码相同。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="727" />
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="732" />
        <source>The password could not be changed ({kind}).</source>
        <translation>无法修改密码（{kind}）。</translation>
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
        <location filename="../../relmgr/ui/texts.py" line="115" />
        <source>Declined</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="116" />
        <source>Complained</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="119" />
        <source>Open</source>
        <translation>待办</translation>
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
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="155" />
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="156" />
        <source>Not due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="157" />
        <source>Digital only</source>
        <translation>仅线上服务</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="160" />
        <source>Important value</source>
        <translation>重要价值客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="161" />
        <source>Important development</source>
        <translation>重要发展客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="162" />
        <source>Important retention</source>
        <translation>重要保持客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="163" />
        <source>Important win-back</source>
        <translation>重要挽留客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="164" />
        <source>General value</source>
        <translation>一般价值客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="165" />
        <source>General development</source>
        <translation>一般发展客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="166" />
        <source>General retention</source>
        <translation>一般保持客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="167" />
        <source>General win-back</source>
        <translation>一般挽留客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="170" />
        <source>Acquisition</source>
        <translation>获客期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="171" />
        <source>Growth</source>
        <translation>成长期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="172" />
        <source>Maturity</source>
        <translation>成熟期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="173" />
        <source>Decline</source>
        <translation>衰退期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="174" />
        <source>Churned</source>
        <translation>流失</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="177" />
        <source>All accounts closed</source>
        <translation>所有账户已销户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="178" />
        <source>Dormant: no activity for {days_inactive} days</source>
        <translation>睡眠：{days_inactive} 天无交易</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="179" />
        <source>New customer: {tenure_days} days with the bank</source>
        <translation>新客户：开户 {tenure_days} 天</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="180" />
        <source>AUM down {change_pct}% in 90 days</source>
        <translation>90 天内资产下降 {change_pct}%</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="181" />
        <source>Activity halved: {txns_recent} transactions vs {txns_previous} before</source>
        <translation>活跃度减半：近期 {txns_recent} 笔交易，此前 {txns_previous} 笔</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="183" />
        <source>AUM up {change_pct}% in 90 days</source>
        <translation>90 天内资产增长 {change_pct}%</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="184" />
        <source>Products added: {products_now} now vs {products_before} before</source>
        <translation>新增产品：现有 {products_now} 个，此前 {products_before} 个</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/texts.py" line="186" />
        <source>Steady relationship</source>
        <translation>关系稳定</translation>
    </message>
</context>
<context>
    <name>CustomerPane</name>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="202" />
        <source>{age} · {gender}</source>
        <extracomment>Emitted after a reveal was audited (the field name), for the status bar.</extracomment>
        <translation>{age} 岁 · {gender}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="208" />
        <source> (assessed {date})</source>
        <translation>（{date} 评估）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="210" />
        <source>expired, renew before any sale</source>
        <translation>已过期，销售前须重新评估</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="214" />
        <source>, closed {date}</source>
        <translation>，{date} 销户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="219" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="220" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="222" />
        <source>not computed yet</source>
        <translation>尚未计算</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="235" />
        <source>CNY 10,000</source>
        <translation>万元</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="268" />
        <source>Choose a customer in the list to see their 360 view.</source>
        <translation>在列表中选择一位客户，查看客户360视图。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="270" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="270" />
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="270" />
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="271" />
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="271" />
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="272" />
        <source>Risk rating</source>
        <translation>风险评级</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="272" />
        <source>Preferred channel</source>
        <translation>常用渠道</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="273" />
        <source>Customer since</source>
        <translation>开户日期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="273" />
        <source>AUM (CNY)</source>
        <translation>资产（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="274" />
        <source>Loans and cards (CNY)</source>
        <translation>贷款及信用卡（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="274" />
        <source>Last activity</source>
        <translation>最近交易</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="275" />
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="275" />
        <source>Service tier</source>
        <translation>客户分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="276" />
        <source>RFM segment</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="276" />
        <source>Lifecycle stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="277" />
        <source>Why this stage</source>
        <translation>阶段依据</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="281" />
        <location filename="../../relmgr/ui/customer_pane.py" line="282" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="283" />
        <source>Shows the full value for {seconds} seconds; the reveal is written to the audit log.</source>
        <translation>显示完整信息 {seconds} 秒；此操作会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="287" />
        <source>AUM trend, month end (CNY 10,000)</source>
        <translation>资产走势（月末，万元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="288" />
        <source>Holdings</source>
        <translation>持仓</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="289" />
        <source>Recent transactions</source>
        <translation>近期交易</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="290" />
        <source>Contact history</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="292" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="292" />
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="292" />
        <source>Balance (CNY)</source>
        <translation>余额（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="292" />
        <source>Opened</source>
        <translation>开立日期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="293" />
        <source>Matures</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="293" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="295" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="295" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="295" />
        <source>Amount (CNY)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="295" />
        <location filename="../../relmgr/ui/customer_pane.py" line="297" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="297" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="297" />
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="297" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_pane.py" line="297" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="28" />
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="29" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="30" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="31" />
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="32" />
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="33" />
        <source>Tier</source>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="34" />
        <source>AUM (CNY)</source>
        <translation>资产（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="35" />
        <source>Products</source>
        <translation>产品数</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="36" />
        <source>Last activity</source>
        <translation>最近交易</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="37" />
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="38" />
        <source>Lifecycle stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customer_table_model.py" line="39" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../relmgr/ui/customers_page.py" line="97" />
        <source>Could not load customers</source>
        <extracomment>Emitted when the list has been loaded (number of customers). Emitted when a customer's 360 view is on screen (customer_id).</extracomment>
        <translation>无法加载客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers_page.py" line="140" />
        <source>{shown:,} of {total:,} customers</source>
        <translation>{shown:,} / {total:,} 位客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers_page.py" line="141" />
        <source>{total:,} customers</source>
        <translation>{total:,} 位客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers_page.py" line="166" />
        <source>Search by name, last 4 digits of ID or mobile, or customer no.</source>
        <translation>按姓名、证件号或手机号后四位、客户号搜索</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="212" />
        <source>{count:,} customers</source>
        <extracomment>Emitted after each successful unlock, and after each lock.</extracomment>
        <translation>{count:,} 位客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="215" />
        <source>Data as of {date}</source>
        <translation>数据日期 {date}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="218" />
        <source>Revealed and written to the audit log.</source>
        <translation>已显示完整信息，并记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="225" />
        <source>Demo portfolio (synthetic data)</source>
        <translation>演示客户库（模拟数据）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="234" />
        <source>relmgr — Relationship Manager Workbench</source>
        <translation>relmgr — 客户经理工作台</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="235" />
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="236" />
        <source>Locked. Enter the password to see the portfolio.</source>
        <translation>已锁定。输入密码后才能查看客户库。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="237" />
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="238" />
        <source>Lock now (Ctrl+L): hides all customer data</source>
        <translation>立即锁定（Ctrl+L）：隐藏所有客户数据</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="239" />
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="240" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/main_window.py" line="241" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
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
        <location filename="../../relmgr/ui/unlock_dialog.py" line="116" />
        <source>At least 8 characters; mix letters, digits and symbols.</source>
        <translation>至少 8 位，混合字母、数字和符号。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="118" />
        <source>Strength: weak</source>
        <translation>强度：弱</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="118" />
        <source>Strength: fair</source>
        <translation>强度：中</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="119" />
        <source>Strength: strong</source>
        <translation>强度：强</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../relmgr/ui/tasks.py" line="93" />
        <source>Cancel</source>
        <extracomment>Emitted whenever a call is queued or finished; views show a busy cursor from it.</extracomment>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="304" />
        <source>Unlock portfolio</source>
        <translation>解锁客户库</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="305" />
        <source>Portfolio locked</source>
        <translation>客户库已锁定</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="306" />
        <source>Relationship Manager Workbench</source>
        <translation>客户经理工作台</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="309" />
        <source>Open your encrypted customer portfolio, create a new one, or try the demo.</source>
        <translation>打开加密的客户库，新建一个，或试用演示客户库。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="312" />
        <source>The portfolio is locked. Enter its password to continue.</source>
        <translation>客户库已锁定，请输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="313" />
        <location filename="../../relmgr/ui/unlock_dialog.py" line="429" />
        <source>Open portfolio</source>
        <translation>打开客户库</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="314" />
        <source>Create new</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="315" />
        <location filename="../../relmgr/ui/unlock_dialog.py" line="527" />
        <source>Demo portfolio</source>
        <translation>演示客户库</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="316" />
        <source>Portfolio file</source>
        <translation>客户库文件</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="317" />
        <location filename="../../relmgr/ui/unlock_dialog.py" line="321" />
        <location filename="../../relmgr/ui/unlock_dialog.py" line="333" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="318" />
        <location filename="../../relmgr/ui/unlock_dialog.py" line="323" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="319" />
        <source>New file</source>
        <translation>新文件</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="320" />
        <source>e.g. my-customers.rmdb</source>
        <translation>例如 my-customers.rmdb</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="322" />
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="325" />
        <source>A synthetic portfolio of {count} customers with realistic holdings, transactions and contact history, for trying relmgr. It holds no real customer data, which is why its password is shown here. It is created on first use; that takes a moment.</source>
        <translation>一个包含 {count} 位模拟客户的演示客户库，有逼真的持仓、交易和联系记录，供试用 relmgr。其中没有任何真实客户数据，所以这里直接显示它的密码。首次使用时创建，需要稍等片刻。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="329" />
        <source>Demo password:</source>
        <translation>演示密码：</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="334" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="345" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="347" />
        <source>Create portfolio</source>
        <translation>创建客户库</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="349" />
        <source>Open demo</source>
        <translation>打开演示</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="382" />
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="384" />
        <source>The portfolio file was not found.</source>
        <translation>找不到客户库文件。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="386" />
        <source>This file is not a relmgr portfolio.</source>
        <translation>此文件不是 relmgr 客户库。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="388" />
        <source>The portfolio file is damaged and cannot be opened.</source>
        <translation>客户库文件已损坏，无法打开。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="390" />
        <location filename="../../relmgr/ui/unlock_dialog.py" line="503" />
        <source>A file with this name already exists. Choose another name.</source>
        <translation>已有同名文件，请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="392" />
        <source>Cancelled. Nothing was created.</source>
        <translation>已取消，没有创建任何文件。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="394" />
        <source>The file could not be read or written.</source>
        <translation>无法读取或写入该文件。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="396" />
        <source>The portfolio could not be opened ({kind}).</source>
        <translation>无法打开客户库（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="430" />
        <source>relmgr portfolios (*.rmdb);;All files (*)</source>
        <translation>relmgr 客户库 (*.rmdb);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="438" />
        <source>New portfolio</source>
        <translation>新建客户库</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="438" />
        <source>relmgr portfolios (*.rmdb)</source>
        <translation>relmgr 客户库 (*.rmdb)</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="452" />
        <source>Choose a portfolio file.</source>
        <translation>请选择客户库文件。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="464" />
        <source>Enter the password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="487" />
        <source>Enter a name for the new portfolio file.</source>
        <translation>请输入新客户库的文件名。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="492" />
        <source>The password is too weak. Use at least 8 characters, mixing letters with digits or symbols.</source>
        <translation>密码太弱。请至少使用 8 位，混合字母与数字或符号。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="497" />
        <source>The two passwords differ. Type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="511" />
        <source>The demo portfolio is not available in this build.</source>
        <translation>此版本不含演示客户库。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="525" />
        <source>Creating the demo portfolio…</source>
        <translation>正在创建演示客户库…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/unlock_dialog.py" line="525" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>