<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="32"/>
        <source>Today&apos;s worklist</source>
        <translation>今日工作清单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="33"/>
        <source>Customers due for contact</source>
        <translation>应联系客户清单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="34"/>
        <source>Churn warnings</source>
        <translation>流失预警清单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="35"/>
        <source>Product recommendations</source>
        <translation>产品推荐清单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="36"/>
        <source>Open tasks</source>
        <translation>待办任务清单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="46"/>
        <source>{list}: {rows:,} rows, {format}, masked, file {file}</source>
        <translation>{list}：{rows:,} 行，{format}，已脱敏，文件 {file}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="48"/>
        <source>{list}: {rows:,} rows, {format}, UNMASKED, file {file}</source>
        <translation>{list}：{rows:,} 行，{format}，未脱敏，文件 {file}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="58"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="59"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="60"/>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="61"/>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="62"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="166"/>
        <source>The audit log could not be read ({kind}).</source>
        <extracomment>What it shows: the audit log.</extracomment>
        <translation>无法读取审计日志（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="175"/>
        <source>The latest {count:,} entries</source>
        <translation>最近 {count:,} 条记录</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="177"/>
        <source>1 entry</source>
        <translation>1 条记录</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="179"/>
        <source>{count:,} entries</source>
        <translation>{count:,} 条记录</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="186"/>
        <source>Audit chain intact: no entry has been changed, removed or reordered.</source>
        <translation>审计链完整：没有任何条目被修改、删除或调换顺序。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="188"/>
        <source>Audit chain BROKEN at entry {row}: an entry before it was removed, inserted or moved.</source>
        <translation>审计链在第 {row} 条断开：其之前有条目被删除、插入或移动。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="191"/>
        <source>Audit chain BROKEN at entry {row}: it was changed after it was written.</source>
        <translation>审计链在第 {row} 条断开：该条目在写入后被修改。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="193"/>
        <source>Audit chain BROKEN: the log ends after {rows:,} entries but the file recorded a later one, so the newest entries were removed.</source>
        <translation>审计链断开：日志在 {rows:,} 条后结束，但文件记录了更晚的条目，说明最新的条目已被删除。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="209"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="210"/>
        <source>Action</source>
        <translation>操作类型</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="211"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="215"/>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/audit/page.py" line="37"/>
        <source>Selected customers</source>
        <translation>选中客户清单</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../relmgr/ui/shell/backups.py" line="84"/>
        <source>Back up the portfolio</source>
        <translation>备份客户库</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/backups.py" line="85"/>
        <source>relmgr portfolio (*.rmdb)</source>
        <translation>relmgr 客户库 (*.rmdb)</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/backups.py" line="96"/>
        <source>Backing up the portfolio…</source>
        <translation>正在备份客户库…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/backups.py" line="102"/>
        <source>Backed up to {file} and checked ({size:,} KB).</source>
        <translation>已备份到 {file} 并通过校验（{size:,} KB）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/backups.py" line="107"/>
        <source>Backup cancelled; nothing was written.</source>
        <translation>备份已取消，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/backups.py" line="109"/>
        <source>Not backed up: the portfolio failed its full check. Keep your latest good backup.</source>
        <translation>未备份：客户库未通过完整校验。请保留最近一份完好的备份。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/backups.py" line="113"/>
        <source>Not backed up: the copy could not be written or did not pass its check.</source>
        <translation>未备份：副本无法写入或未通过校验。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/backups.py" line="123"/>
        <source>Back up…</source>
        <translation>备份…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/backups.py" line="124"/>
        <source>Write a checked, encrypted copy of the portfolio</source>
        <translation>写入一份经过校验的加密客户库副本</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/backups.py" line="128"/>
        <source>This portfolio is damaged ({count} pages failed their check), so it is open read-only: nothing you do is saved.</source>
        <translation>此客户库已损坏（{count} 个页面未通过校验），因此以只读方式打开：所做的任何操作都不会保存。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/backups.py" line="131"/>
        <source>Latest backup: {path}. Restore it with: relmgr restore BACKUP --to FILE</source>
        <translation>最近的备份：{path}。恢复命令：relmgr restore BACKUP --to FILE</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/backups.py" line="134"/>
        <source>No backup of it is known.</source>
        <translation>没有已知的备份。</translation>
    </message>
</context>
<context>
    <name>BulkContactDialog</name>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="163"/>
        <source>Logging contacts…</source>
        <translation>正在记录联系…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="175"/>
        <source>Log contact for the selection</source>
        <translation>为选中客户记录联系</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="176"/>
        <source>The same contact for each selected customer ({count:,})</source>
        <translation>为选中的 {count:,} 位客户分别记录同一次联系</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="178"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="179"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="180"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="181"/>
        <source>What was said or sent (optional, the same for each)</source>
        <translation>沟通或发送的内容（可选，每位客户相同）</translation>
    </message>
</context>
<context>
    <name>BulkTaskDialog</name>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="225"/>
        <source>Say what the follow-up task is.</source>
        <translation>请填写跟进任务内容。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="227"/>
        <source>The due date lies in the past.</source>
        <translation>到期日早于今天。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="234"/>
        <source>Creating tasks…</source>
        <translation>正在创建任务…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="237"/>
        <source>Follow-up call</source>
        <translation>跟进回访</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="237"/>
        <source>Visit</source>
        <translation>上门拜访</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="238"/>
        <source>Portfolio review</source>
        <translation>资产检视</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="238"/>
        <source>Send documents</source>
        <translation>寄送资料</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="243"/>
        <source>Create tasks for the selection</source>
        <translation>为选中客户创建任务</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="244"/>
        <source>A follow-up task for each selected customer ({count:,})</source>
        <translation>为选中的 {count:,} 位客户各创建一个跟进任务</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="246"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="247"/>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="248"/>
        <source>Note (optional, the same for each)</source>
        <translation>备注（可选，每位客户相同）</translation>
    </message>
</context>
<context>
    <name>CallSheetPrint</name>
    <message>
        <location filename="../../relmgr/ui/today/print_sheet.py" line="33"/>
        <source>Print the call sheet</source>
        <translation>打印联系清单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/print_sheet.py" line="35"/>
        <source>Nothing was printed.</source>
        <translation>未打印。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/print_sheet.py" line="54"/>
        <source>The call sheet was sent to the printer ({pages} pages).</source>
        <translation>联系清单已发送到打印机（共 {pages} 页）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/print_sheet.py" line="57"/>
        <source>The call sheet was not printed ({kind}).</source>
        <translation>联系清单未能打印（{kind}）。</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="113"/>
        <source>Reading the target lists…</source>
        <translation>正在读取目标客户名单…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="146"/>
        <source>The target lists could not be read ({kind}).</source>
        <translation>无法读取目标客户名单（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="175"/>
        <source>There is no saved target list yet: build one with Target lists… first.</source>
        <translation>还没有已保存的目标客户名单：请先通过“目标客户名单…”建立一个。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="182"/>
        <source>Nobody on this list may be marketed to: they declined marketing or closed their accounts.</source>
        <translation>名单中没有可营销的客户：他们已拒绝营销或已销户。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="185"/>
        <source>{total:,} customers on the list: {contacted:,} to contact, {control:,} held out as the control group.</source>
        <translation>名单共 {total:,} 位客户：触达 {contacted:,} 位，留出 {control:,} 位作为对照组。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="188"/>
        <source>Without a control group the result will show conversion only: uplift cannot be measured.</source>
        <translation>没有对照组时，活动成效只显示转化率，无法衡量提升效果。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="203"/>
        <source>Give the campaign an id and a name.</source>
        <translation>请填写活动编号和名称。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="206"/>
        <source>Choose a target list with customers on it.</source>
        <translation>请选择一个有客户的目标名单。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="220"/>
        <source>Not created: {reason}</source>
        <translation>未创建：{reason}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="233"/>
        <source>New campaign</source>
        <translation>新建营销活动</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="235"/>
        <source>Target list</source>
        <translation>目标客户名单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="235"/>
        <source>Campaign id</source>
        <translation>活动编号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="235"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="235"/>
        <source>Product promoted</source>
        <translation>推广产品</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="236"/>
        <source>Starts</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="236"/>
        <source>Ends</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="236"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="236"/>
        <source>Cost per contact (CNY)</source>
        <translation>单次触达成本（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="237"/>
        <source>Control group</source>
        <translation>对照组</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="237"/>
        <source>Draw (seed)</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="241"/>
        <source>e.g. Fixed-income push, third quarter</source>
        <translation>例如：第三季度固收理财推广</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="243"/>
        <source>The control group is drawn at random within each tier and is never contacted: the app refuses sales contacts with it. Conversions are then read from the holdings opened in the window, and compared with the control group&apos;s.</source>
        <translation>对照组在每个客户层级内随机抽取，且不会被触达：系统会拒绝对其记录营销联系。转化依据活动期间新开立的持仓统计，并与对照组比较。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/campaign_dialog.py" line="246"/>
        <source>Create campaign</source>
        <translation>创建活动</translation>
    </message>
</context>
<context>
    <name>CatchUp</name>
    <message>
        <location filename="../../relmgr/ui/shell/catch_up.py" line="70"/>
        <source>Scoring churn risk</source>
        <translation>正在计算流失风险评分</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/catch_up.py" line="71"/>
        <source>Bringing tiers, segments and lifecycle stages up to date</source>
        <translation>正在更新客户分层、细分和生命周期阶段</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="615"/>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="623"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="617"/>
        <source>The whole portfolio is re-encrypted with the new password. Keep it safe: without it the portfolio cannot be opened.</source>
        <translation>整个客户库将用新密码重新加密。请妥善保管：没有它就无法打开客户库。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="619"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="620"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="621"/>
        <source>Repeat new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="622"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="653"/>
        <source>Enter the current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="657"/>
        <source>The password is too weak. Use at least 8 characters, mixing letters with digits or symbols.</source>
        <translation>密码太弱。请至少使用 8 位，混合字母与数字或符号。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="661"/>
        <source>The two passwords differ. Type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="665"/>
        <source>The new password is the same as the current one.</source>
        <translation>新密码与当前密码相同。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="682"/>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="687"/>
        <source>The password could not be changed ({kind}).</source>
        <translation>无法修改密码（{kind}）。</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="152"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="157"/>
        <source>Checking the export…</source>
        <translation>正在检查导出文件…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="159"/>
        <source>Check cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="166"/>
        <source>Every row passed. Nothing is written yet: Next imports. {report}</source>
        <translation>所有行均通过检查。尚未写入任何内容：点“下一步”导入。{report}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="178"/>
        <source>Not imported: fix the export or the mapping (Back). {first}</source>
        <translation>未导入：请修正导出文件或映射（返回上一步）。{first}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="184"/>
        <source>The check failed: {error}</source>
        <translation>检查失败：{error}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="190"/>
        <source>Save the rejected rows</source>
        <translation>保存被拒绝的行</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="191"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="203"/>
        <source>Saved {file}: file, row, column and reason of each problem; no values from the rows.</source>
        <translation>已保存 {file}：每个问题的文件、行、列和原因；不含行中的任何值。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="210"/>
        <source>Data-quality report</source>
        <translation>数据质量报告</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="213"/>
        <source>Every check has run on the whole export; nothing has been written.</source>
        <translation>已对整个导出文件完成全部检查；尚未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="214"/>
        <source>Save the rejected rows as CSV…</source>
        <translation>将被拒绝的行保存为 CSV…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="215"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>ChurnPage</name>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="60"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="61"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="62"/>
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="63"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="64"/>
        <location filename="../../relmgr/ui/churn/page.py" line="504"/>
        <source>Tier</source>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="65"/>
        <location filename="../../relmgr/ui/churn/page.py" line="505"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="66"/>
        <source>AUM (CNY)</source>
        <translation>资产（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="67"/>
        <source>Probability</source>
        <translation>流失概率</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="68"/>
        <location filename="../../relmgr/ui/churn/page.py" line="506"/>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="69"/>
        <source>Value at risk</source>
        <translation>风险资产</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="70"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="71"/>
        <source>Top reasons</source>
        <translation>主要原因</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="137"/>
        <source>High and medium risk</source>
        <translation>高、中风险</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="138"/>
        <source>High risk</source>
        <translation>高风险</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="139"/>
        <source>Medium risk</source>
        <translation>中风险</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="140"/>
        <source>Low risk</source>
        <translation>低风险</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="141"/>
        <source>All bands</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="251"/>
        <source>Loading churn warnings…</source>
        <extracomment>What it shows: scores, warnings&apos; states and the model behind them. Emitted after the warnings list has been (re)loaded, with the number of rows shown. Emitted after a warning was marked handled/snoozed (customer_id): contacts and tasks changed.</extracomment>
        <translation>正在加载流失预警…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="270"/>
        <source>Scoring churn risk…</source>
        <translation>正在计算流失风险评分…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="285"/>
        <source>Scoring cancelled: the list shows the last stored scores.</source>
        <translation>已取消评分：清单显示的是上次保存的评分。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="293"/>
        <source>Scoring churn risk</source>
        <translation>计算流失风险评分</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="300"/>
        <source>Could not load churn warnings: {error}</source>
        <translation>无法加载流失预警：{error}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="336"/>
        <source>No churn model yet: press Refresh scores.</source>
        <translation>尚无流失模型：请点击“刷新评分”。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="340"/>
        <source>Rule baseline in use: too little history to train a model: {note}. Probabilities come from how long each customer has been inactive.</source>
        <translation>正在使用规则基线：历史数据不足，无法训练模型：{note}。流失概率按每位客户无交易的时长得出。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="345"/>
        <source>Model: {kind}, trained {trained}. Predicts churn within {days} days; scores as of {as_of}. Ranked by value at risk = probability × AUM.</source>
        <translation>模型：{kind}，训练于 {trained}。预测 {days} 天内是否流失；评分数据日期 {as_of}。按风险资产（流失概率 × 资产）排序。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="351"/>
        <source>The team&apos;s churn definition changed since training: retrain the model.</source>
        <translation>训练后团队的流失定义已变更：请重新训练模型。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="366"/>
        <source>All tiers</source>
        <translation>全部分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="366"/>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="407"/>
        <source>{shown:,} warnings shown (first scoring)</source>
        <translation>显示 {shown:,} 条预警（首次评分）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="410"/>
        <source>{shown:,} warnings shown, {new:,} new since the last scoring</source>
        <translation>显示 {shown:,} 条预警，其中 {new:,} 条为上次评分后新增</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="426"/>
        <source>Select a warning to see all its reasons.</source>
        <translation>选中一条预警，查看全部原因。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="430"/>
        <source>{customer} {name}: {band} risk, {probability} within {days} days</source>
        <translation>{customer} {name}：{band}风险，{days} 天内流失概率 {probability}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="440"/>
        <source>(+{points:.1f} points of risk)</source>
        <translation>（风险 +{points:.1f} 个百分点）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="443"/>
        <source>No single reason stands out.</source>
        <translation>没有特别突出的单一原因。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="444"/>
        <source>AUM {aum} CNY; value at risk {var} CNY; state: {state}</source>
        <translation>资产 {aum} 元；风险资产 {var} 元；状态：{state}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="448"/>
        <source>until {date}</source>
        <translation>至 {date}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="451"/>
        <source>Note ({when}): {note}</source>
        <translation>备注（{when}）：{note}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="481"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="489"/>
        <source>Saved; the contact was logged and a follow-up task created.</source>
        <translation>已保存；已记录联系并创建跟进任务。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="490"/>
        <source>Saved; the contact was logged.</source>
        <translation>已保存；已记录联系。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="502"/>
        <source>Churn warnings</source>
        <translation>流失预警清单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="503"/>
        <source>Refresh scores</source>
        <translation>刷新评分</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="507"/>
        <source>Show handled and snoozed</source>
        <translation>显示已处理和已暂缓</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="508"/>
        <source>Mark handled…</source>
        <translation>标记已处理…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="509"/>
        <source>Snooze…</source>
        <translation>暂缓…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/page.py" line="510"/>
        <source>Open customer</source>
        <translation>查看客户</translation>
    </message>
</context>
<context>
    <name>CodesPage</name>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="215"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="215"/>
        <source>Value in the file</source>
        <translation>文件中的值</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="216"/>
        <source>relmgr code</source>
        <translation>relmgr 代码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="235"/>
        <source>+ credit: money into the account</source>
        <translation>+ 贷：资金转入账户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="236"/>
        <source>− debit: money out of the account</source>
        <translation>− 借：资金转出账户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="252"/>
        <source>— as it is —</source>
        <translation>— 保持原值 —</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="260"/>
        <source>Codes</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="261"/>
        <source>What the export&apos;s codes mean in relmgr: transaction types, channels, the debit/credit indicator, gender, risk rating and the like.</source>
        <translation>导出文件中的代码在 relmgr 中的含义：交易类型、渠道、借贷标志、性别、风险等级等。</translation>
    </message>
</context>
<context>
    <name>ColumnChooser</name>
    <message>
        <location filename="../../relmgr/ui/common/columns.py" line="120"/>
        <source>Default columns</source>
        <translation>恢复默认列</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="77"/>
        <source>Not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="97"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="97"/>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="98"/>
        <source>relmgr field</source>
        <translation>relmgr 字段</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="98"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="108"/>
        <source>— not imported —</source>
        <translation>— 不导入 —</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="111"/>
        <source> (optional)</source>
        <translation>（可选）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="113"/>
        <source>debit/credit indicator (gives the amount&apos;s sign)</source>
        <translation>借贷标志（决定金额的正负）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="173"/>
        <source>{file} ({table}): no column for {fields}</source>
        <translation>{file}（{table}）：没有对应 {fields} 的列</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="176"/>
        <source>{file} ({table}): not provided, shown as —: {fields}</source>
        <translation>{file}（{table}）：未提供，显示为 —：{fields}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="179"/>
        <source>More than one file is mapped to {table}: keep one.</source>
        <translation>有多个文件映射到 {table}：请只保留一个。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="181"/>
        <source>No file is mapped to a relmgr table.</source>
        <translation>没有文件映射到 relmgr 的表。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="191"/>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="192"/>
        <source>Which relmgr table each file feeds, and which relmgr field each column is. Suggested from the column names; change what is wrong.</source>
        <translation>每个文件对应 relmgr 的哪张表，每一列对应哪个 relmgr 字段。已根据列名给出建议；请修改不对的地方。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="194"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/mapping_pages.py" line="195"/>
        <source>relmgr table:</source>
        <translation>relmgr 表：</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../relmgr/ui/customers/tags_consent.py" line="268"/>
        <source>Decision</source>
        <translation>客户意愿</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/tags_consent.py" line="269"/>
        <source>Told on</source>
        <translation>告知日期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/tags_consent.py" line="270"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/tags_consent.py" line="288"/>
        <source>Nothing was recorded: {reason}.</source>
        <translation>未记录：{reason}。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/tags_consent.py" line="296"/>
        <source>Marketing consent</source>
        <translation>营销同意</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/tags_consent.py" line="299"/>
        <source>What the customer said, and how (e.g. by phone)</source>
        <translation>客户的原话及方式（如电话告知）</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../relmgr/ui/common/contact_dialog.py" line="142"/>
        <source>The note is too long (at most {count:,} characters).</source>
        <extracomment>The new interaction_id, after the contact (and its task) were stored.</extracomment>
        <translation>备注太长（最多 {count:,} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/contact_dialog.py" line="146"/>
        <source>Say what the follow-up task is.</source>
        <translation>请填写跟进任务内容。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/contact_dialog.py" line="148"/>
        <source>The follow-up date lies in the past.</source>
        <translation>跟进日期早于今天。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/contact_dialog.py" line="180"/>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/contact_dialog.py" line="182"/>
        <source>Not saved ({kind}).</source>
        <translation>未保存（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/contact_dialog.py" line="194"/>
        <source>Log contact</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/contact_dialog.py" line="195"/>
        <source>Contact with {customer}</source>
        <translation>联系客户 {customer}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/contact_dialog.py" line="196"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/contact_dialog.py" line="197"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/contact_dialog.py" line="198"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/contact_dialog.py" line="199"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/contact_dialog.py" line="200"/>
        <source>What was said or agreed (optional)</source>
        <translation>沟通内容或约定事项（可选）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/contact_dialog.py" line="201"/>
        <source>Create a follow-up task</source>
        <translation>创建跟进任务</translation>
    </message>
    <message numerus="yes">
        <location filename="../../relmgr/ui/common/contact_dialog.py" line="202"/>
        <source>Mark the due task done (%n task(s))</source>
        <translation>
            <numerusform>将到期待办标记为完成（%n 项）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/contact_dialog.py" line="203"/>
        <source>Mark the due task done</source>
        <translation>将到期待办标记为完成</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/contact_dialog.py" line="204"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/contact_dialog.py" line="205"/>
        <source>due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/contact_dialog.py" line="207"/>
        <source>Follow-up call</source>
        <translation>跟进回访</translation>
    </message>
</context>
<context>
    <name>CustomerPane</name>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="231"/>
        <source>{age} · {gender}</source>
        <extracomment>Emitted after a reveal was audited (the field name), for the status bar.</extracomment>
        <translation>{age} 岁 · {gender}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="237"/>
        <source> (assessed {date})</source>
        <translation>（{date} 评估）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="239"/>
        <source>expired, renew before any sale</source>
        <translation>已过期，销售前须重新评估</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="243"/>
        <source>, closed {date}</source>
        <translation>，{date} 销户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="248"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="249"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="251"/>
        <source>not computed yet</source>
        <translation>尚未计算</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="257"/>
        <source>{number}: {words}</source>
        <translation>{number}：{words}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="267"/>
        <source>CNY 10,000</source>
        <translation>万元</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="311"/>
        <source>Choose a customer in the list to see their 360 view.</source>
        <translation>在列表中选择一位客户，查看客户360视图。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="313"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="313"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="313"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="314"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="314"/>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="315"/>
        <source>Risk rating</source>
        <translation>风险评级</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="315"/>
        <source>Preferred channel</source>
        <translation>常用渠道</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="316"/>
        <source>Customer since</source>
        <translation>开户日期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="316"/>
        <source>AUM (CNY)</source>
        <translation>资产（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="317"/>
        <source>Loans and cards (CNY)</source>
        <translation>贷款及信用卡（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="317"/>
        <source>Last activity</source>
        <translation>最近交易</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="318"/>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="318"/>
        <source>Service tier</source>
        <translation>客户分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="319"/>
        <source>RFM segment</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="319"/>
        <source>Lifecycle stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="320"/>
        <source>Why this stage</source>
        <translation>阶段依据</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="320"/>
        <source>Behaviour cluster</source>
        <translation>行为细分</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="327"/>
        <location filename="../../relmgr/ui/customers/pane.py" line="328"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="329"/>
        <source>Shows the full value for {seconds} seconds; the reveal is written to the audit log.</source>
        <translation>显示完整信息 {seconds} 秒；此操作会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="333"/>
        <source>AUM trend, month end (CNY 10,000)</source>
        <translation>资产走势（月末，万元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="335"/>
        <source>Recommended products</source>
        <translation>推荐产品</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="336"/>
        <source>Holdings</source>
        <translation>持仓</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="337"/>
        <source>Recent transactions</source>
        <translation>近期交易</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="338"/>
        <source>Contact history</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="342"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="342"/>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="342"/>
        <source>Balance (CNY)</source>
        <translation>余额（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="342"/>
        <source>Opened</source>
        <translation>开立日期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="343"/>
        <source>Matures</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="343"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="345"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="345"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="345"/>
        <source>Amount (CNY)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="345"/>
        <location filename="../../relmgr/ui/customers/pane.py" line="347"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="347"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="347"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="347"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="347"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="324"/>
        <source>Messages…</source>
        <translation>消息模板…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="325"/>
        <source>Birthday, maturity and risk-assessment messages to copy into the bank&apos;s messaging</source>
        <translation>生日祝福、到期提醒和风险评估续评提醒，可复制到银行的消息系统</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="335"/>
        <source>Products</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="337"/>
        <source>Transactions</source>
        <translation>交易</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/pane.py" line="338"/>
        <source>Contacts</source>
        <translation>联系记录</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <location filename="../../relmgr/ui/customers/table_model.py" line="19"/>
        <source>Customer</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/table_model.py" line="20"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/table_model.py" line="21"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/table_model.py" line="22"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/table_model.py" line="23"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/table_model.py" line="24"/>
        <source>Tier</source>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/table_model.py" line="25"/>
        <source>AUM (CNY)</source>
        <translation>资产（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/table_model.py" line="26"/>
        <source>Products</source>
        <translation>产品数</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/table_model.py" line="27"/>
        <source>Last activity</source>
        <translation>最近交易</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/table_model.py" line="28"/>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/table_model.py" line="29"/>
        <source>Stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/table_model.py" line="30"/>
        <source>RFM segment</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/table_model.py" line="31"/>
        <source>Churn risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/table_model.py" line="32"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/table_model.py" line="33"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="196"/>
        <source>Could not load customers</source>
        <extracomment>What it shows: the list (tier, stage, last contact, tags: rule tags are saved target lists) and the open 360. Emitted when the list has been loaded (number of customers). Emitted when a customer&apos;s 360 view is on screen (customer_id).</extracomment>
        <translation>无法加载客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="253"/>
        <source>No customer has a tag yet.</source>
        <translation>暂无客户带有标签。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="280"/>
        <source>{shown:,} of {total:,} customers</source>
        <translation>{shown:,} / {total:,} 位客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="281"/>
        <source>{total:,} customers</source>
        <translation>{total:,} 位客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="347"/>
        <source>Contact taken back for 1 customer.</source>
        <translation>已撤销 1 位客户的联系记录。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="348"/>
        <source>Contact taken back for {count:,} customers.</source>
        <translation>已撤销 {count:,} 位客户的联系记录。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="365"/>
        <source>Follow-up task taken back for 1 customer.</source>
        <translation>已撤销 1 位客户的跟进任务。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="366"/>
        <source>Follow-up task taken back for {count:,} customers.</source>
        <translation>已撤销 {count:,} 位客户的跟进任务。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="382"/>
        <source>Nothing taken back: {reason}</source>
        <translation>未撤销任何记录：{reason}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="388"/>
        <source>Taking back…</source>
        <translation>正在撤销…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="456"/>
        <source>Search by name, last 4 digits of ID or mobile, or customer no.</source>
        <translation>按姓名、证件号或手机号后四位、客户号搜索</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="457"/>
        <source>All tiers</source>
        <translation>全部分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="457"/>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="458"/>
        <source>All RFM segments</source>
        <translation>全部 RFM 分群</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="458"/>
        <source>All risk bands</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="459"/>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="466"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="467"/>
        <source>Take back what the last bulk action wrote</source>
        <translation>撤销上一次批量操作写入的记录</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="475"/>
        <source>{band} risk</source>
        <translation>{band}风险</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="327"/>
        <source>{count:,} selected</source>
        <translation>已选 {count:,} 位</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="344"/>
        <source>Contact logged for 1 customer.</source>
        <translation>已为 1 位客户记录联系。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="345"/>
        <source>Contact logged for {count:,} customers.</source>
        <translation>已为 {count:,} 位客户记录联系。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="362"/>
        <source>Follow-up task created for 1 customer.</source>
        <translation>已为 1 位客户创建跟进任务。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="363"/>
        <source>Follow-up task created for {count:,} customers.</source>
        <translation>已为 {count:,} 位客户创建跟进任务。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="460"/>
        <source>Log contact…</source>
        <translation>批量记录联系…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="461"/>
        <source>Log the same contact for each selected customer</source>
        <translation>为每位选中客户记录同一次联系</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="462"/>
        <source>Create tasks…</source>
        <translation>批量建任务…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="463"/>
        <source>Create a follow-up task for each selected customer</source>
        <translation>为每位选中客户创建跟进任务</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="464"/>
        <source>Export selection…</source>
        <translation>导出选中…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/page.py" line="465"/>
        <source>Export the selected customers (masked, audited)</source>
        <translation>导出选中客户（脱敏，记入审计日志）</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="31"/>
        <source>Today&apos;s worklist</source>
        <translation>今日工作清单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="32"/>
        <source>Customers due for contact</source>
        <translation>应联系客户清单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="33"/>
        <source>Churn warnings</source>
        <translation>流失预警清单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="34"/>
        <source>Product recommendations</source>
        <translation>产品推荐清单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="35"/>
        <source>Open tasks</source>
        <translation>待办任务清单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="36"/>
        <source>Tier list: Private banking</source>
        <translation>分层名单：私人银行</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="37"/>
        <source>Tier list: Wealth</source>
        <translation>分层名单：财富</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="38"/>
        <source>Tier list: VIP</source>
        <translation>分层名单：贵宾</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="39"/>
        <source>Tier list: Mass</source>
        <translation>分层名单：大众</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="40"/>
        <source>Stage list: Acquisition</source>
        <translation>生命周期名单：获客期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="41"/>
        <source>Stage list: Growth</source>
        <translation>生命周期名单：成长期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="42"/>
        <source>Stage list: Maturity</source>
        <translation>生命周期名单：成熟期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="43"/>
        <source>Stage list: Decline</source>
        <translation>生命周期名单：衰退期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="44"/>
        <source>Stage list: Churned</source>
        <translation>生命周期名单：流失</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="50"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="51"/>
        <source>CSV, UTF-8 for Excel and WPS (.csv)</source>
        <translation>CSV，UTF-8，可用 Excel 和 WPS 打开（.csv）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="52"/>
        <source>PDF call sheet (.pdf)</source>
        <translation>PDF 联系单（.pdf）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="99"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="107"/>
        <source>Export unmasked?</source>
        <translation>导出未脱敏数据？</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="108"/>
        <source>The file will contain full names and mobile numbers of customers, readable by anyone who gets the file. Bank rules require a business reason; the export is recorded in the audit log as unmasked.

Export unmasked?</source>
        <translation>文件将包含客户的完整姓名和手机号，任何拿到文件的人都能看到。按行内规定须有业务需要；本次导出将以“未脱敏”记入审计日志。

确定导出未脱敏数据？</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="122"/>
        <source>Warning: names and mobile numbers are exported in full. Keep the file safe and delete it when done.</source>
        <translation>注意：姓名和手机号将完整导出。请妥善保管文件，用完即删。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="124"/>
        <source>Names and mobile numbers are masked (e.g. 张*, 138****1234). Every export is recorded in the audit log.</source>
        <translation>姓名和手机号已脱敏（如 张*、138****1234）。每次导出都会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="138"/>
        <source>Exporting {list}…</source>
        <translation>正在导出{list}…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="148"/>
        <source>This list cannot be exported from this portfolio yet: {reason}</source>
        <translation>该客户档案暂时无法导出此清单：{reason}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="151"/>
        <source>Not exported: {reason}</source>
        <translation>未导出：{reason}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="152"/>
        <source>Not exported ({kind}).</source>
        <translation>未导出（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="157"/>
        <source>Export a follow-up list</source>
        <translation>导出跟进清单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="165"/>
        <source>Target list: {name}</source>
        <translation>目标客户：{name}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="168"/>
        <source>List</source>
        <translation>清单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="169"/>
        <source>Export unmasked (full names and mobile numbers)</source>
        <translation>导出未脱敏数据（完整姓名和手机号）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="170"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="176"/>
        <source>Exported {rows:,} rows to {file} (masked).</source>
        <translation>已导出 {rows:,} 行到 {file}（已脱敏）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="177"/>
        <source>Exported {rows:,} rows to {file} (UNMASKED).</source>
        <translation>已导出 {rows:,} 行到 {file}（未脱敏）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="45"/>
        <source>Loan prospects: Mortgage</source>
        <translation>贷款潜在客户：房贷</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="46"/>
        <source>Loan prospects: Consumer loan</source>
        <translation>贷款潜在客户：消费贷</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="47"/>
        <source>Loan prospects: Business loan</source>
        <translation>贷款潜在客户：经营贷</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="48"/>
        <source>Loan prospects: Credit card</source>
        <translation>贷款潜在客户：信用卡</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="158"/>
        <source>Export the selected customers</source>
        <translation>导出选中客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/export_dialog.py" line="160"/>
        <source>Selected customers ({count:,})</source>
        <translation>选中客户（{count:,} 位）</translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="128"/>
        <source>None: suggest from the column names</source>
        <translation>无：根据列名建议</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="154"/>
        <source>Export files</source>
        <translation>导出文件</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="155"/>
        <source>Bank exports ({patterns})</source>
        <translation>银行导出文件 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="161"/>
        <source>Folder of export files</source>
        <translation>导出文件所在文件夹</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="183"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="184"/>
        <source>Pick the export files (CSV, TXT, XLSX) or a folder, or drop them here.</source>
        <translation>选择导出文件（CSV、TXT、XLSX）或文件夹，或将其拖放到这里。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="185"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="186"/>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="187"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="188"/>
        <source>Saved mapping:</source>
        <translation>已保存的映射：</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="189"/>
        <source>Nothing is written until the last step; the files stay where they are.</source>
        <translation>在最后一步之前不会写入任何内容；文件保持原位。</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="195"/>
        <source>Loading…</source>
        <extracomment>The list behind each tile, opened by a click (MainWindow.open_home_list knows the pages): the customers for the AUM figures, the risk band&apos;s warnings, the overdue tasks, and so on. What it shows: every stored result the dashboard and KPIs read. Not emitted (tiles open lists, not one customer); present for the page contract. A tile was clicked: the TILE_LISTS name of the list behind it. Emitted when the figures are on screen.</extracomment>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="225"/>
        <source>Could not load the figures: {error}</source>
        <translation>无法加载指标：{error}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="229"/>
        <source>Month {month}, counted to {date}</source>
        <translation>月份 {month}，统计至 {date}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="247"/>
        <source>No balances for the month to compare with.</source>
        <translation>没有可比较月份的余额数据。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="253"/>
        <source>{month}; 12 months: {total}</source>
        <translation>{month}；近 12 个月：{total}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="263"/>
        <source>{count:,} left the bank, not tiered</source>
        <translation>{count:,} 位已销户，不参与分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="264"/>
        <location filename="../../relmgr/ui/home/page.py" line="266"/>
        <location filename="../../relmgr/ui/home/page.py" line="272"/>
        <source>{count:,} customers</source>
        <translation>{count:,} 位客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="275"/>
        <source>{band}: {count:,} customers; scored {date}</source>
        <translation>{band}：{count:,} 位客户；评分日期 {date}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="280"/>
        <source>{made:,} of {due:,}</source>
        <translation>{made:,} / {due:,}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="285"/>
        <source>{accepted:,} accepted of {answered:,} answered</source>
        <translation>已答复 {answered:,} 条，接受 {accepted:,} 条</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="288"/>
        <source>{open:,} open tasks</source>
        <translation>未完成任务 {open:,} 项</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="298"/>
        <source>Past due at the last {months} month ends: {bars} ({first:,} → {last:,})</source>
        <translation>近{months}个月末逾期：{bars}（{first:,} → {last:,}）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="306"/>
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="331"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="332"/>
        <source>KPIs this month</source>
        <translation>本月考核指标</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="333"/>
        <source>KPI</source>
        <translation>考核指标</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="333"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="333"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="334"/>
        <source>Progress</source>
        <translation>完成度</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="336"/>
        <source>Click to open the list behind it.</source>
        <translation>点击打开对应的客户清单。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="291"/>
        <source>{bucket}: {count:,} · {amount}</source>
        <translation>{bucket}：{count:,} 笔 · {amount}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="294"/>
        <source>{count:,} early warnings on {customers:,} customers</source>
        <translation>还款预警 {count:,} 条，涉及 {customers:,} 位客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/home/page.py" line="300"/>
        <source>{count:,} past due · {amount}</source>
        <translation>{count:,} 笔逾期 · {amount}</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="239"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="242"/>
        <source>Importing the export…</source>
        <translation>正在导入导出文件…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="253"/>
        <source>Mapping saved as {name}.</source>
        <translation>映射已保存为 {name}。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="255"/>
        <source>The mapping was not saved: {error}</source>
        <translation>映射未保存：{error}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="261"/>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="268"/>
        <source>Import cancelled: nothing was changed.</source>
        <translation>导入已取消：未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="270"/>
        <source>Not imported, nothing was changed: {error}</source>
        <translation>未导入，未做任何更改：{error}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="278"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="279"/>
        <source>All or nothing: Cancel leaves the portfolio exactly as it was.</source>
        <translation>全部导入或全部不导入：取消后客户组合保持原样。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="280"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="378"/>
        <source>Reading the files…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="388"/>
        <source>Import a bank export</source>
        <translation>导入银行导出文件</translation>
    </message>
</context>
<context>
    <name>LifecyclePage</name>
    <message>
        <location filename="../../relmgr/ui/segments/lifecycle.py" line="33"/>
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/lifecycle.py" line="34"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/lifecycle.py" line="35"/>
        <source>Tier</source>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/lifecycle.py" line="36"/>
        <source>AUM (CNY)</source>
        <translation>资产（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/lifecycle.py" line="37"/>
        <source>In stage since</source>
        <translation>进入阶段日期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/lifecycle.py" line="38"/>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/lifecycle.py" line="169"/>
        <source>{stage}: {count:,} customers, largest first</source>
        <translation>{stage}：{count:,} 位客户，按资产从高到低</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/lifecycle.py" line="171"/>
        <source>What to do: {playbook}</source>
        <translation>建议做法：{playbook}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/lifecycle.py" line="181"/>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/lifecycle.py" line="188"/>
        <source>Customer lifecycle</source>
        <translation>客户生命周期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/lifecycle.py" line="189"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/lifecycle.py" line="189"/>
        <location filename="../../relmgr/ui/segments/lifecycle.py" line="192"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/lifecycle.py" line="189"/>
        <source>AUM share</source>
        <translation>资产占比</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/lifecycle.py" line="190"/>
        <source>Customers by stage at each month end</source>
        <translation>各月末客户阶段分布</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/lifecycle.py" line="191"/>
        <source>Moves in</source>
        <translation>阶段变动月份</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/lifecycle.py" line="192"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/lifecycle.py" line="192"/>
        <source>To</source>
        <translation>到</translation>
    </message>
</context>
<context>
    <name>ListBuilderDialog</name>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="63"/>
        <source>Tier</source>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="64"/>
        <source>RFM segment</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="65"/>
        <source>Cluster</source>
        <translation>客户聚类</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="66"/>
        <source>Lifecycle stage</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="67"/>
        <source>Churn risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="68"/>
        <source>Preferred channel</source>
        <translation>偏好渠道</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="69"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="70"/>
        <source>Risk rating</source>
        <translation>风险评级</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="71"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="72"/>
        <source>AUM (CNY)</source>
        <translation>资产（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="73"/>
        <source>Transactions in the last 90 days</source>
        <translation>近 90 天交易笔数</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="76"/>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="77"/>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="78"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="81"/>
        <source>is one of</source>
        <translation>属于</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="82"/>
        <source>between</source>
        <translation>介于</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="83"/>
        <source>holds any of</source>
        <translation>持有其中任一</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="84"/>
        <source>holds none of</source>
        <translation>均未持有</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="85"/>
        <source>before (or never)</source>
        <translation>早于（或从未联系）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="86"/>
        <source>after</source>
        <translation>晚于</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="87"/>
        <source>has any of</source>
        <translation>带有其中任一</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="145"/>
        <source>from (empty: no limit)</source>
        <extracomment>The words a code is shown with, per field (codes without words are shown as they are).</extracomment>
        <translation>从（留空：不限）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="146"/>
        <source>to (empty: no limit)</source>
        <translation>到（留空：不限）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="188"/>
        <source>Remove this criterion</source>
        <translation>删除此条件</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="219"/>
        <source>Cluster {number}</source>
        <translation>第 {number} 类</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="247"/>
        <source>No customer has a value for this yet.</source>
        <translation>暂无客户有此项数据。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="362"/>
        <source>Reading the customers…</source>
        <translation>正在读取客户…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="376"/>
        <source>The customers could not be read ({kind}).</source>
        <translation>无法读取客户（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="389"/>
        <source>New list</source>
        <translation>新建名单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="454"/>
        <source>Not counted: {reason}</source>
        <translation>无法计数：{reason}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="462"/>
        <source>{count:,} customer(s) on this list</source>
        <translation>名单中共 {count:,} 位客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="470"/>
        <source>Give the list a name to save it.</source>
        <translation>请为名单命名后再保存。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="473"/>
        <source>Add at least one criterion: a list without any would be every customer who may be marketed to.</source>
        <translation>请至少添加一个条件：没有条件的名单就是所有可营销的客户。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="491"/>
        <source>Saved as “{name}”.</source>
        <translation>已保存为“{name}”。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="499"/>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="510"/>
        <source>Exported {rows:,} customers to {file}.</source>
        <translation>已导出 {rows:,} 位客户到 {file}。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="550"/>
        <source>List “{name}” deleted.</source>
        <translation>名单“{name}”已删除。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="560"/>
        <source>Target lists</source>
        <translation>目标客户名单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="561"/>
        <source>Saved lists</source>
        <translation>已保存的名单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="561"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="561"/>
        <source>Combine</source>
        <translation>条件组合</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="564"/>
        <source>e.g. VIP without wealth products</source>
        <translation>例如：未持有理财的贵宾客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="565"/>
        <source>All criteria (AND)</source>
        <translation>满足全部条件（且）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="566"/>
        <source>Any criterion (OR)</source>
        <translation>满足任一条件（或）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="567"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="568"/>
        <source>Also a rule tag: the customers it chooses carry its name as a tag</source>
        <translation>同时作为规则标签：名单选中的客户带上以名单名称命名的标签</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="569"/>
        <source>Add criterion</source>
        <translation>添加条件</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="570"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="571"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="574"/>
        <source>Customers who declined marketing, and closed ones, are never on a target list. A criterion with nothing ticked is left out. The count follows every change; saving keeps the criteria, so the list follows the portfolio. Exports are masked unless you choose otherwise, and audited. A rule tag is worked out again whenever the customers are read, and given to those who declined marketing too.</source>
        <translation>拒绝营销的客户和已销户的客户不会出现在目标名单中。未勾选任何值的条件不计入。人数随每次修改即时更新；保存的是条件，名单会随客户数据变化。导出默认脱敏，并记入审计日志。规则标签在每次读取客户时重新计算，拒绝营销的客户同样会带上。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="74"/>
        <source>Customer-initiated transactions in the last 30 days</source>
        <translation>近 30 天客户主动交易笔数</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="75"/>
        <source>Days until a time deposit or large CD matures</source>
        <translation>定期存款或大额存单距到期天数</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="529"/>
        <source>{count:,} follow-up task(s) made.</source>
        <translation>已创建 {count:,} 项跟进任务。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="532"/>
        <source>{count:,} skipped: declined marketing or held out in a control group.</source>
        <translation>已跳过 {count:,} 位：拒绝营销或属于对照组。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_builder.py" line="572"/>
        <source>Create tasks…</source>
        <translation>创建任务…</translation>
    </message>
</context>
<context>
    <name>ListTasksDialog</name>
    <message>
        <location filename="../../relmgr/ui/marketing/list_tasks_dialog.py" line="112"/>
        <source>Counting the customers on the list…</source>
        <translation>正在统计清单中的客户…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_tasks_dialog.py" line="129"/>
        <source>{count:,} follow-up task(s) will be made, one per customer.</source>
        <translation>将创建 {count:,} 项跟进任务，每位客户一项。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_tasks_dialog.py" line="131"/>
        <source>{count:,} customer(s) who declined marketing are skipped: service call only.</source>
        <translation>{count:,} 位拒绝营销的客户已跳过：仅限服务类联系。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_tasks_dialog.py" line="134"/>
        <source>{count:,} customer(s) held out in a running campaign&apos;s control group are skipped: the control group is never contacted.</source>
        <translation>{count:,} 位属于进行中营销活动对照组的客户已跳过：对照组不接受营销联系。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_tasks_dialog.py" line="137"/>
        <source>Nobody on this list may be contacted for marketing.</source>
        <translation>该清单中没有可进行营销联系的客户。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_tasks_dialog.py" line="139"/>
        <source>Due today: they join Today&apos;s plan as must-do lines, before the other calls.</source>
        <translation>今天到期：这些任务列入今日计划的必办事项，排在其他联系之前。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_tasks_dialog.py" line="141"/>
        <source>They join Today&apos;s plan on {date}.</source>
        <translation>这些任务将于{date}列入今日计划。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_tasks_dialog.py" line="148"/>
        <source>the list is no longer saved</source>
        <translation>该清单已不存在</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_tasks_dialog.py" line="149"/>
        <source>No tasks made: {reason}</source>
        <translation>未创建任务：{reason}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_tasks_dialog.py" line="170"/>
        <source>Create tasks for a target list</source>
        <translation>为目标客户清单创建任务</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_tasks_dialog.py" line="171"/>
        <source>List</source>
        <translation>清单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_tasks_dialog.py" line="171"/>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_tasks_dialog.py" line="171"/>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_tasks_dialog.py" line="172"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_tasks_dialog.py" line="176"/>
        <source>Shown on every task (optional)</source>
        <translation>显示在每项任务上（可选）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_tasks_dialog.py" line="177"/>
        <source>Create tasks</source>
        <translation>创建任务</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_tasks_dialog.py" line="178"/>
        <source>Today&apos;s plan</source>
        <translation>列入今日计划</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/list_tasks_dialog.py" line="179"/>
        <source>Due today: the tasks become lines of Today&apos;s plan</source>
        <translation>设为今天到期：任务成为今日计划中的条目</translation>
    </message>
</context>
<context>
    <name>LoansPage</name>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="131"/>
        <source>Reading the loans…</source>
        <translation>正在读取贷款数据…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="194"/>
        <source>The loans could not be read: {0}</source>
        <translation>无法读取贷款数据：{0}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="200"/>
        <source>Ranking loan prospects…</source>
        <translation>正在排序贷款潜在客户…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="209"/>
        <source>Prospects ranked in {0:.1f} s</source>
        <translation>潜在客户排序用时 {0:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="225"/>
        <source>Live loans {0}, outstanding {1}. By family: {2}. By classification: {3}. This month: {4} new loans ({5}), {6} instalments repaid ({7}). Arrears: {8}.</source>
        <translation>在贷 {0} 笔，余额 {1}。按品种：{2}。按五级分类：{3}。本月：新发放 {4} 笔（{5}），还款 {6} 期（{7}）。逾期：{8}。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="245"/>
        <source>Arrears trend: kept from this month on; each monthly import adds its month.</source>
        <translation>逾期趋势：从本月开始记录，每月导入一次即增加当月。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="248"/>
        <source>Loans in arrears at month end: {0}.</source>
        <translation>月末逾期贷款笔数：{0}。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="257"/>
        <source>handled</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="257"/>
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="268"/>
        <source>Repayment watch ({0} open)</source>
        <translation>还款监测（{0} 条待处理）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="289"/>
        <source>Loan prospects: top {0} eligible, {1} customers excluded by the team&apos;s rules</source>
        <translation>贷款潜在客户：符合条件的前 {0} 名，{1} 位客户被团队规则排除</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="302"/>
        <source>Select a watch line first.</source>
        <translation>请先选择一条监测记录。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="306"/>
        <source>Recorded as handled.</source>
        <translation>已记录为已处理。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="312"/>
        <source>Loans</source>
        <translation>贷款</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="313"/>
        <source>Repayment watch</source>
        <translation>还款监测</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="314"/>
        <source>Loan prospects</source>
        <translation>贷款潜在客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="315"/>
        <source>Mark handled</source>
        <translation>标记已处理</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="320"/>
        <source>Record that you handled the selected line (audited); it leaves Today for a week</source>
        <translation>记录已处理所选记录（留痕审计）；一周内不再出现在今日工作</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="322"/>
        <location filename="../../relmgr/ui/loans/page.py" line="324"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="322"/>
        <source>Product</source>
        <translation>品种</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="322"/>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="323"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="323"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="324"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="325"/>
        <source>Likelihood (3 months)</source>
        <translation>可能性（3 个月内）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="325"/>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="143"/>
        <source>Ranking loan prospects</source>
        <translation>正在排序贷款潜在客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="165"/>
        <source>Ranking cancelled: the prospects were not ranked.</source>
        <translation>已取消排序：未生成贷款潜在客户。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="316"/>
        <source>Export list…</source>
        <translation>导出名单…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="317"/>
        <source>Export this family&apos;s prospects as a target list (names and phones masked unless you choose otherwise; audited)</source>
        <translation>将该类贷款的潜在客户导出为目标客户名单（除非另行选择，姓名和电话均脱敏；记入审计日志）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/loans/page.py" line="319"/>
        <source>Rank prospects</source>
        <translation>排序潜在客户</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="519"/>
        <source>{count:,} customers</source>
        <translation>{count:,} 位客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="520"/>
        <source>Data as of {date}</source>
        <translation>数据日期 {date}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="515"/>
        <source>Revealed and written to the audit log.</source>
        <translation>已显示完整信息，并记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="361"/>
        <source>Segments could not be computed ({kind}).</source>
        <extracomment>Emitted after each successful unlock, and after each lock.</extracomment>
        <translation>无法计算客户分群（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="412"/>
        <source>Exported {rows:,} rows to {file}.</source>
        <extracomment>What the Service tiers, Segments and Lifecycle pages show (their due counts included). The follow-up list the Export dialog offers first, by the page the RM is on (pages whose list depends on a selection say so with `export_list_name()`).</extracomment>
        <translation>已导出 {rows:,} 行到 {file}。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="525"/>
        <source>Demo portfolio (synthetic data)</source>
        <translation>演示客户库（模拟数据）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="538"/>
        <source>relmgr — Relationship Manager Workbench</source>
        <translation>relmgr — 客户经理工作台</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="540"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="539"/>
        <source>Today</source>
        <translation>今日工作</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="434"/>
        <source>Wrote the {month} report to {file}.</source>
        <translation>已将 {month} 月度报告写入 {file}。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="458"/>
        <source>relmgr {version}

Offline workbench for bank relationship managers.

Portfolios, settings and logs are kept in {folder}</source>
        <translation>relmgr {version}

客户经理离线工作台。

投资组合文件、设置和日志保存在 {folder}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="464"/>
        <source>About relmgr</source>
        <translation>关于 relmgr</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="494"/>
        <source>Team rules saved.</source>
        <translation>团队规则已保存。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="496"/>
        <source>The churn definition changed: retrain the model on the Churn model page.</source>
        <translation>流失定义已更改：请在“流失模型”页面重新训练模型。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="539"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="541"/>
        <source>Churn warnings</source>
        <translation>流失预警清单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="542"/>
        <source>Recommendations</source>
        <translation>产品推荐</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="543"/>
        <source>Marketing</source>
        <translation>营销</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="544"/>
        <source>Loans</source>
        <translation>贷款</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="545"/>
        <source>Service tiers</source>
        <translation>客户分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="545"/>
        <source>Segments</source>
        <translation>客户分群</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="546"/>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="546"/>
        <source>Tasks</source>
        <translation>待办任务</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="547"/>
        <source>Churn model</source>
        <translation>流失模型</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="548"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="548"/>
        <source>Head office</source>
        <translation>总行同步</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="554"/>
        <source>Locked. Enter the password to see the portfolio.</source>
        <translation>已锁定。输入密码后才能查看客户库。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="555"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="556"/>
        <source>Lock now (Ctrl+L): hides all customer data</source>
        <translation>立即锁定（Ctrl+L）：隐藏所有客户数据</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="557"/>
        <source>Export a list…</source>
        <translation>导出名单…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="558"/>
        <source>Export a follow-up list (Ctrl+E); masked unless you choose otherwise</source>
        <translation>导出跟进名单（Ctrl+E）；除非另行选择，个人信息均脱敏</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="559"/>
        <source>Monthly report…</source>
        <translation>月度经营报告…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="560"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="561"/>
        <source>Import a bank&apos;s export files (CSV, TXT, XLSX)</source>
        <translation>导入银行的导出文件（CSV、TXT、XLSX）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="562"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="563"/>
        <source>Team rules…</source>
        <translation>团队规则…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="565"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="566"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="567"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/main_window.py" line="568"/>
        <source>About relmgr…</source>
        <translation>关于 relmgr…</translation>
    </message>
</context>
<context>
    <name>MarketingPage</name>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="55"/>
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="56"/>
        <source>Window</source>
        <translation>活动期间</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="58"/>
        <source>Control</source>
        <translation>对照组</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="59"/>
        <source>Uplift</source>
        <translation>提升</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="60"/>
        <source>95% interval</source>
        <translation>95%置信区间</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="61"/>
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="62"/>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="63"/>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="64"/>
        <source>Incremental</source>
        <translation>活动带来</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="65"/>
        <source>ROI</source>
        <translation>回报率</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="206"/>
        <source>Campaign {id} created: {contacted:,} to contact, {control:,} held out as the control group.</source>
        <translation>已创建营销活动 {id}：触达 {contacted:,} 位，留出 {control:,} 位作为对照组。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="221"/>
        <source>The campaigns could not be read ({kind}).</source>
        <translation>无法读取营销活动（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="226"/>
        <source>No campaigns</source>
        <translation>暂无营销活动</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="227"/>
        <source>{count} campaign(s)</source>
        <translation>{count} 个营销活动</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="245"/>
        <source>{name}: conversion per group</source>
        <translation>{name}：各组转化率</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="57"/>
        <location filename="../../relmgr/ui/marketing/page.py" line="247"/>
        <source>Contacted</source>
        <translation>触达组</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="249"/>
        <source>Control (not contacted)</source>
        <translation>对照组（未触达）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="252"/>
        <source>Bought {product} in the window (share, with its 95% interval)</source>
        <translation>活动期间购买{product}的比例（含95%置信区间）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="287"/>
        <source>Campaigns</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="288"/>
        <source>Target lists…</source>
        <translation>目标客户名单…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="289"/>
        <source>New campaign…</source>
        <translation>新建营销活动…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="280"/>
        <source>Fisher&apos;s exact test</source>
        <translation>Fisher精确检验</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="280"/>
        <source>z-test</source>
        <translation>z检验</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="282"/>
        <source>{verdict}: uplift {uplift} (95% interval {low} to {high}), p {p} ({test})</source>
        <translation>{verdict}：提升 {uplift}（95%置信区间 {low} 至 {high}），p {p}（{test}）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/marketing/page.py" line="291"/>
        <source>Contacted, Control: customers who bought (opened the promoted product in the campaign&apos;s window, from the holdings, not from what was typed) of those in the group, and the rate. Uplift: the contacted group&apos;s rate less the control group&apos;s, with its 95% interval (Newcombe); the p value shown above the chart is from a z-test, or Fisher&apos;s exact test for small groups. Cost counts contacted customers only. Revenue is what the contacted customers&apos; sales brought; Incremental is the part the sales beyond the control group&apos;s rate brought, and ROI is on that part: sales that would have come anyway earn the campaign nothing.</source>
        <translation>触达组、对照组：组内购买的客户数（活动期间开立所推广产品的客户，依据持仓，而非手工登记的结果）与组内人数及转化率。提升：触达组转化率减去对照组转化率，附95%置信区间（Newcombe法）；图表上方的p值来自z检验，小样本时用Fisher精确检验。成本只计触达的客户。收入：触达客户的销售带来的全部收入；活动带来：超出对照组转化率的那部分销售带来的收入，回报率按这部分计算：本来就会发生的销售不算活动的功劳。</translation>
    </message>
</context>
<context>
    <name>MessagesDialog</name>
    <message>
        <location filename="../../relmgr/ui/customers/messages_dialog.py" line="78"/>
        <source>No message to send: no birth date, maturing holding or risk assessment on record.</source>
        <translation>无可发送的消息：没有出生日期、到期产品或风险评估记录。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/messages_dialog.py" line="82"/>
        <source>Could not fill in the messages ({kind}).</source>
        <translation>无法生成消息（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/messages_dialog.py" line="93"/>
        <source>{date}: due now</source>
        <translation>{date}：现在发送</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/messages_dialog.py" line="94"/>
        <source>{date}: not due yet</source>
        <translation>{date}：尚未到时间</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/messages_dialog.py" line="99"/>
        <source>Copied: paste it into the bank&apos;s messaging.</source>
        <translation>已复制：请粘贴到银行的消息系统。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/messages_dialog.py" line="102"/>
        <source>Messages for {customer}</source>
        <translation>{customer} 的消息</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/messages_dialog.py" line="103"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>ModelCardPage</name>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="41"/>
        <source>Gradient boosting model (calibrated)</source>
        <translation>梯度提升模型（已校准）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="42"/>
        <source>Logistic regression (transparent baseline)</source>
        <translation>逻辑回归（可解释基线）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="43"/>
        <source>Rule baseline: days since last activity</source>
        <translation>规则基线：距最近交易天数</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="200"/>
        <source>Loading…</source>
        <extracomment>What it shows: the stored model card. Not emitted (the card lists no customers); present for the page contract. Emitted when the card is on screen (after load or retrain). Emitted after a retrain: stored churn scores are now stale and should be recomputed.</extracomment>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="209"/>
        <source>Training the churn model…</source>
        <translation>正在训练流失模型…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="220"/>
        <source>Training cancelled: the previous model stays in use.</source>
        <translation>已取消训练：继续使用原模型。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="228"/>
        <source>Training the churn model</source>
        <translation>训练流失模型</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="239"/>
        <source>Could not load the model card: {error}</source>
        <translation>无法加载模型说明：{error}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="267"/>
        <source>No churn model trained yet: press Retrain.</source>
        <translation>尚未训练流失模型：请点击“重新训练”。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="275"/>
        <source>Rule baseline in use: too little history to train a model: {note}. The warnings&apos; probabilities are the churn rates by days since the last activity shown below.</source>
        <translation>正在使用规则基线：历史数据不足，无法训练模型：{note}。预警中的流失概率即下表按距最近交易天数统计的流失率。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="279"/>
        <source>In use: {kind}</source>
        <translation>当前使用：{kind}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="282"/>
        <source>The team&apos;s churn definition changed since this was trained: retrain.</source>
        <translation>训练后团队的流失定义已变更：请重新训练。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="296"/>
        <source>The probability that a customer churns within {horizon} days after the data date. Churned means: every account closed, or no transaction of their own for {inactive} days with less than {dormant} CNY left. Risk bands: high from {high:.0%}, medium from {medium:.0%}. Both the definition and the horizon are team rules.</source>
        <translation>客户在数据日期后 {horizon} 天内流失的概率。流失指：所有账户均已销户，或连续 {inactive} 天无本人主动交易且资产不足 {dormant} 元。风险等级：概率达 {high:.0%} 为高，达 {medium:.0%} 为中。流失定义和预测期限均为团队规则。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="310"/>
        <source>Trained {when} on data as of {as_of}.</source>
        <translation>训练于 {when}，数据日期 {as_of}。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="313"/>
        <source>Learned from {count} month ends ({first} to {last}), calibrated on {calibrate}, tested out of time on {holdout}.</source>
        <translation>基于 {count} 个月末数据（{first} 至 {last}）训练，在 {calibrate} 上校准，在 {holdout} 上做跨期检验。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="318"/>
        <source>Held-out month: {rows:,} customers, {churners:,} of whom churned.</source>
        <translation>留出月份：{rows:,} 位客户，其中 {churners:,} 位流失。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="326"/>
        <source>about 1 in {n}</source>
        <translation>约每 {n} 人中有 1 人</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="327"/>
        <source>about {k} in 10</source>
        <translation>约每 10 人中有 {k} 人</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="328"/>
        <source>the rule</source>
        <translation>该规则</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="328"/>
        <source>the model</source>
        <translation>该模型</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="330"/>
        <source>What {scorer} is good for: of the 10% of customers it flags as most at risk, {share} left within {days} days on the held-out month — {lift:.1f}× the average ({base:.1%}).</source>
        <translation>{scorer}的用处：在它标记为风险最高的 10% 客户中，留出验证月里{share}在 {days} 天内流失，是平均水平（{base:.1%}）的 {lift:.1f} 倍。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="343"/>
        <source>No scores from this model yet: refresh the churn warnings to see why customers are at risk.</source>
        <translation>该模型尚未评分：请刷新流失预警，查看客户的流失原因。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="348"/>
        <source>Where the portfolio&apos;s value at risk (probability × AUM) comes from. &quot;{group}&quot; is behind {share:.0%} of it. Each customer&apos;s value at risk is shared among their reasons by the points of risk each reason carries.</source>
        <translation>客户群风险金额（流失概率 × 资产）的来源：其中 {share:.0%} 来自“{group}”。每位客户的风险金额按各原因带来的风险百分点分摊到这些原因上。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="371"/>
        <source>(in use)</source>
        <translation>（当前使用）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="385"/>
        <source>On the held-out month the model ranks churners better than the rule by {delta:+.3f} ROC-AUC; its top 10% of scores hold {lift:.1f}× the average churn rate (rule: {rule_lift:.1f}×).</source>
        <translation>在留出月份，模型对流失客户的排序优于规则，ROC-AUC 相差 {delta:+.3f}；评分最高的 10% 客户流失率为平均水平的 {lift:.1f} 倍（规则：{rule_lift:.1f} 倍）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="392"/>
        <source>Only {count} churners in the held-out month: these figures are rough.</source>
        <translation>留出月份仅有 {count} 位流失客户：以上指标仅供粗略参考。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="395"/>
        <source>No model metrics: no model was trained. The rule&apos;s own figures on the held-out month are shown where there were churners to measure them.</source>
        <translation>无模型指标：未训练模型。若留出月份有流失客户可供衡量，则显示规则本身在该月的指标。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="403"/>
        <source>Rule baseline (in use)</source>
        <translation>规则基线（当前使用）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="403"/>
        <location filename="../../relmgr/ui/churn/model_card.py" line="469"/>
        <source>Rule baseline</source>
        <translation>规则基线</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="408"/>
        <source>{low}–{high} days</source>
        <translation>{low}–{high} 天</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="410"/>
        <source>{low} days or more</source>
        <translation>{low} 天及以上</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="433"/>
        <source>Each point is a tenth of the held-out customers, by predicted probability: on the diagonal, the predicted churn rate came true.</source>
        <translation>每个点代表按预测概率划分的十分之一留出客户：点落在对角线上，表示预测流失率与实际相符。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="439"/>
        <source>Perfect calibration</source>
        <translation>完全校准</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="440"/>
        <source>Predicted churn probability</source>
        <translation>预测流失概率</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="440"/>
        <source>Observed churn rate</source>
        <translation>实际流失率</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="462"/>
        <source>Churn model card</source>
        <translation>流失模型说明</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="463"/>
        <source>Retrain</source>
        <translation>重新训练</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="464"/>
        <source>What it predicts</source>
        <translation>预测内容</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="465"/>
        <source>Training</source>
        <translation>训练情况</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="466"/>
        <source>Out-of-time quality on the held-out month (same customers for every scorer; 95% intervals in brackets)</source>
        <translation>留出验证月的跨期效果（各评分方法使用相同客户；括号内为 95% 区间）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="468"/>
        <source>Calibration: predicted vs observed, by decile</source>
        <translation>校准：按十分位比较预测与实际</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="470"/>
        <source>Why customers leave, across the portfolio</source>
        <translation>流失原因分析：全部客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="471"/>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="471"/>
        <source>Share of value at risk</source>
        <translation>占风险金额比例</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="472"/>
        <source>Value at risk (CNY)</source>
        <translation>风险金额（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="474"/>
        <source>Scorer</source>
        <translation>评分方法</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="474"/>
        <source>ROC-AUC</source>
        <translation>ROC-AUC</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="474"/>
        <source>PR-AUC</source>
        <translation>PR-AUC</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="474"/>
        <source>Churn rate in top 10%</source>
        <translation>前 10% 流失率</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="475"/>
        <source>Top-decile lift</source>
        <translation>前 10% 提升度</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="475"/>
        <source>Base rate</source>
        <translation>基准流失率</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="476"/>
        <source>Days since last activity</source>
        <translation>距最近交易天数</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/model_card.py" line="477"/>
        <source>Churn probability</source>
        <translation>流失概率</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="86"/>
        <source>A mapping name is letters, digits, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>映射名称只能包含字母、数字、“-”和“_”。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="92"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="103"/>
        <source>Mapping and mode</source>
        <translation>映射和方式</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="104"/>
        <source>Save the mapping by name to use it again next time.</source>
        <translation>按名称保存映射，下次可再次使用。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="105"/>
        <source>Mapping name:</source>
        <translation>映射名称：</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="106"/>
        <source>Save the mapping after the import</source>
        <translation>导入后保存映射</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="107"/>
        <source>Mode:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="108"/>
        <source>Update: customers and accounts updated by key, new events added</source>
        <translation>更新：按编号更新客户和账户，追加新的交易记录</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="109"/>
        <source>Replace: the imported event tables are emptied first (a corrected export replaces the earlier one)</source>
        <translation>替换：先清空导入的交易类表（修正后的导出文件替换之前的）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="111"/>
        <source>Currency of the amounts:</source>
        <translation>金额币种：</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="112"/>
        <source>Empty or CNY: no conversion. Another code (USD, HKD…): amounts are converted to CNY at the rate below.</source>
        <translation>留空或 CNY：不换算。其他代码（USD、HKD…）：金额按下面的汇率换算为人民币。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="114"/>
        <source>CNY per unit:</source>
        <translation>每单位折合人民币：</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/run_pages.py" line="115"/>
        <source>Amend: events already imported with other content are corrected by key (audited)</source>
        <translation>修正：已导入但内容不同的交易类记录按编号更正（记入审计日志）</translation>
    </message>
</context>
<context>
    <name>ProgressStrip</name>
    <message>
        <location filename="../../relmgr/ui/common/progress_strip.py" line="15"/>
        <source>reading the portfolio</source>
        <extracomment>The step codes long operations report (relmgr/domain/progress.py), in words.</extracomment>
        <translation>读取投资组合</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/progress_strip.py" line="16"/>
        <source>computing features</source>
        <translation>计算特征</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/progress_strip.py" line="17"/>
        <source>fitting the model</source>
        <translation>拟合模型</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/progress_strip.py" line="18"/>
        <source>fitting the rule baseline</source>
        <translation>拟合规则基线</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/progress_strip.py" line="19"/>
        <source>evaluating</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/progress_strip.py" line="20"/>
        <source>service tiers</source>
        <translation>服务分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/progress_strip.py" line="21"/>
        <source>RFM segments</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/progress_strip.py" line="22"/>
        <source>clustering customers</source>
        <translation>客户聚类</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/progress_strip.py" line="23"/>
        <source>lifecycle stages</source>
        <translation>生命周期阶段</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/progress_strip.py" line="24"/>
        <source>combining the results</source>
        <translation>合并结果</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/progress_strip.py" line="25"/>
        <source>saving</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/progress_strip.py" line="26"/>
        <source>sending to head office</source>
        <translation>正在发送至总行</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/progress_strip.py" line="27"/>
        <source>recording the answers</source>
        <translation>正在记录总行答复</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/progress_strip.py" line="28"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/progress_strip.py" line="76"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/progress_strip.py" line="89"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReadingPage</name>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="263"/>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="268"/>
        <location filename="../../relmgr/ui/importing/wizard.py" line="301"/>
        <source>detected: {value}</source>
        <translation>自动检测：{value}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="276"/>
        <source>Cannot be read: {reason}</source>
        <translation>无法读取：{reason}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="284"/>
        <source>Detected: {dialect}; {rows:,} rows.</source>
        <translation>检测结果：{dialect}；{rows:,} 行。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="287"/>
        <source>{count} sheets; the preview shows the first.</source>
        <translation>{count} 个工作表；预览显示第一个。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="320"/>
        <source>How the files are written</source>
        <translation>文件的写法</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="321"/>
        <source>relmgr detected each file&apos;s encoding, separator, quote and header row. Change what is wrong and read the file again.</source>
        <translation>relmgr 已检测每个文件的编码、分隔符、引号和表头行。请修改不对的地方并重新读取文件。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="323"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="323"/>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="323"/>
        <source>Separator:</source>
        <translation>分隔符：</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="324"/>
        <source>Quote:</source>
        <translation>引号：</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="324"/>
        <source>Header on line:</source>
        <translation>表头所在行：</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="326"/>
        <source>Read again with these settings</source>
        <translation>按这些设置重新读取</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/importing/wizard.py" line="327"/>
        <source>Names, ID numbers, phone numbers and long numbers are masked in the preview.</source>
        <translation>预览中的姓名、证件号码、电话号码和长数字已遮蔽。</translation>
    </message>
</context>
<context>
    <name>RecommendationPanel</name>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="240"/>
        <source>Loading…</source>
        <extracomment>The panel shows fresh data for this customer (also after an answer was recorded). An answer was stored: customer_id, product_id, RecoOutcome value. An answer was taken back: customer_id, product_id, RecoOutcome value.</extracomment>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="262"/>
        <source>Could not compute recommendations ({kind}).</source>
        <translation>无法计算推荐（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="285"/>
        <source>Choose a customer to see the products that suit them.</source>
        <translation>请选择客户以查看适合的产品。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="293"/>
        <source>as of {date}</source>
        <translation>数据日期 {date}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="307"/>
        <source>No product passes the suitability rules for this customer: see why below.</source>
        <translation>没有产品通过该客户的适当性规则：原因见下方。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="325"/>
        <source>Why not other products? ({count})</source>
        <translation>为何不推荐其他产品？（{count}）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="333"/>
        <source>also: {rules}</source>
        <translation>另：{rules}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="390"/>
        <source>Recorded: {product} — {outcome}.</source>
        <translation>已记录：{product} — {outcome}。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="431"/>
        <source>Nothing was recorded. Accepting {product} needs your note: this customer comes under the extra care of the senior sales rules. Write what you explained and why the product suits them, then press Accept again.</source>
        <translation>未记录任何内容。接受{product}须填写备注：该客户适用老年客户销售的审慎规则。请写明向客户说明了什么、为何适合客户，然后再次点击“接受”。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="439"/>
        <source>Nothing was recorded: the answer could not be stored ({kind}).</source>
        <translation>未记录任何内容：无法保存客户答复（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="445"/>
        <source>Recommended products</source>
        <translation>推荐产品</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="449"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="449"/>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="449"/>
        <source>Removed by</source>
        <translation>排除规则</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="449"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="450"/>
        <source>Every product the suitability and eligibility rules removed for this customer, with the rule (for compliance).</source>
        <translation>适当性和准入规则为该客户排除的全部产品及排除规则（供合规检查）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="408"/>
        <source>Undone: {product} — {outcome}. The product is offered again.</source>
        <translation>已撤销：{product} — {outcome}。该产品重新列入推荐。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="416"/>
        <source>The answer could not be undone ({kind}).</source>
        <translation>未能撤销该反馈（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="446"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="447"/>
        <source>Take back this answer (written to the audit log)</source>
        <translation>撤回此反馈（记入审计日志）</translation>
    </message>
</context>
<context>
    <name>RecommendationsPage</name>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="72"/>
        <source>Customer no.</source>
        <extracomment>What it shows: holdings and outcomes (ranking every customer is long: not on every contact). The push lists are on screen (number of rows over all products). The outcome statistics were (re)loaded.</extracomment>
        <translation>客户号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="73"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="74"/>
        <source>Tier</source>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="75"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="76"/>
        <source>Fit</source>
        <translation>匹配度</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="77"/>
        <source>Extra care</source>
        <translation>审慎提示</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="78"/>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="129"/>
        <source>Ranking products for every customer…</source>
        <translation>正在为所有客户排序产品…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="130"/>
        <source>Recommending products</source>
        <translation>正在计算产品推荐</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="158"/>
        <source>Could not compute recommendations ({kind}).</source>
        <translation>无法计算推荐（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="165"/>
        <source>Cancelled: press Refresh to rank again.</source>
        <translation>已取消：点击“刷新”重新计算。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="191"/>
        <source>{product} ({count:,})</source>
        <translation>{product}（{count:,}）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="198"/>
        <source>Not computed yet: press Refresh.</source>
        <translation>尚未计算：请点击“刷新”。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="200"/>
        <source>Data as of {date}; computed {when}</source>
        <translation>数据日期 {date}；计算于 {when}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="230"/>
        <source>{count:,} customers to approach</source>
        <translation>需联系 {count:,} 位客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="232"/>
        <source>; {notes:,} need extra care</source>
        <translation>；其中 {notes:,} 位需审慎处理</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="245"/>
        <source>No answers recorded yet: Accept / Decline / Not now in a customer&apos;s recommendation panel are counted here.</source>
        <translation>尚无客户答复：在客户推荐面板中点击“接受 / 拒绝 / 暂不考虑”后在此统计。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="247"/>
        <source>{count:,} answers recorded.</source>
        <translation>已记录 {count:,} 条答复。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="254"/>
        <source>senior: note to accept</source>
        <translation>老年客户：接受须备注</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="258"/>
        <source>Recommendations</source>
        <translation>产品推荐</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="259"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="260"/>
        <location filename="../../relmgr/ui/recommendations/page.py" line="269"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="261"/>
        <source>Customers whose top 3 suitable products include this one, best fit first. Double-click to open the customer.</source>
        <translation>前 3 个适合产品中包含该产品的客户，按匹配度从高到低。双击打开客户。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="263"/>
        <source>Whom to approach</source>
        <translation>营销名单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="264"/>
        <source>Outcomes</source>
        <translation>推荐结果</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="265"/>
        <source>Acceptance by product</source>
        <translation>按产品统计的接受率</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="266"/>
        <source>Acceptance by reason</source>
        <translation>按推荐理由统计的接受率</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="267"/>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="267"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="267"/>
        <source>Declined</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="267"/>
        <source>Not now</source>
        <translation>暂不考虑</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="268"/>
        <source>Acceptance rate</source>
        <translation>接受率</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/page.py" line="270"/>
        <source>Reason</source>
        <translation>推荐理由</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../relmgr/ui/common/report_dialog.py" line="52"/>
        <source>Save the report as</source>
        <translation>报告另存为</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/report_dialog.py" line="56"/>
        <source>Writing the monthly report…</source>
        <translation>正在生成月度经营报告…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/report_dialog.py" line="63"/>
        <source>No report: {reason}</source>
        <translation>未生成报告：{reason}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/report_dialog.py" line="64"/>
        <source>No report ({kind}).</source>
        <translation>未生成报告（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/report_dialog.py" line="69"/>
        <source>Monthly portfolio review report</source>
        <translation>月度客户经营报告</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/report_dialog.py" line="71"/>
        <source>The data date&apos;s month</source>
        <translation>数据日期所在月份</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/report_dialog.py" line="72"/>
        <source>PDF with charts (.pdf)</source>
        <translation>PDF，含图表 (.pdf)</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/report_dialog.py" line="73"/>
        <source>Excel workbook, the same figures (.xlsx)</source>
        <translation>Excel 工作簿，相同数据 (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/report_dialog.py" line="74"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/report_dialog.py" line="76"/>
        <source>Customer names are masked (e.g. 张*明); the report carries the branch and RM names from Settings. It is recorded in the audit log.</source>
        <translation>客户姓名已脱敏（如 张*明）；报告每页印有设置中的网点和客户经理姓名。每次生成均记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/report_dialog.py" line="78"/>
        <source>Write report</source>
        <translation>生成报告</translation>
    </message>
</context>
<context>
    <name>SaveFileDialog</name>
    <message>
        <location filename="../../relmgr/ui/common/save_dialog.py" line="192"/>
        <source>Choose where to save the file.</source>
        <extracomment>The service&apos;s result, after the file and its audit row were written.</extracomment>
        <translation>请选择保存位置。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/save_dialog.py" line="195"/>
        <source>The file name must end in .{suffix} for this format.</source>
        <translation>此格式的文件名须以 .{suffix} 结尾。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/save_dialog.py" line="199"/>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/save_dialog.py" line="212"/>
        <source>Replace the file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/save_dialog.py" line="213"/>
        <source>{name} already exists. Replace it?</source>
        <translation>{name} 已存在，是否替换？</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/save_dialog.py" line="237"/>
        <source>Cancelled; no file was written.</source>
        <translation>已取消，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/save_dialog.py" line="245"/>
        <source>The file could not be written: {reason}</source>
        <translation>无法写入文件：{reason}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/save_dialog.py" line="256"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/save_dialog.py" line="257"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/common/save_dialog.py" line="258"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
</context>
<context>
    <name>SegmentsPage</name>
    <message>
        <location filename="../../relmgr/ui/segments/page.py" line="26"/>
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/page.py" line="27"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/page.py" line="28"/>
        <source>Tier</source>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/page.py" line="29"/>
        <source>Days since last transaction</source>
        <translation>距最近交易天数</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/page.py" line="30"/>
        <source>Transactions, 12 months</source>
        <translation>近 12 个月交易笔数</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/page.py" line="31"/>
        <source>AUM, 3-month average</source>
        <translation>近 3 个月日均资产</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/page.py" line="32"/>
        <source>R F M</source>
        <translation>R F M</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/page.py" line="33"/>
        <location filename="../../relmgr/ui/segments/page.py" line="180"/>
        <source>Cluster</source>
        <translation>细分群</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/page.py" line="131"/>
        <location filename="../../relmgr/ui/segments/page.py" line="136"/>
        <location filename="../../relmgr/ui/segments/page.py" line="174"/>
        <location filename="../../relmgr/ui/segments/page.py" line="180"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/page.py" line="133"/>
        <location filename="../../relmgr/ui/segments/page.py" line="137"/>
        <source>AUM share %</source>
        <translation>资产占比 %</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/page.py" line="146"/>
        <source>age {age:.0f}, AUM {aum}, {txns:.0f} transactions/yr, {products:.1f} products</source>
        <translation>平均 {age:.0f} 岁，资产 {aum}，每年 {txns:.0f} 笔交易，{products:.1f} 个产品</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/page.py" line="163"/>
        <source>{segment}: {count:,} customers, largest first</source>
        <translation>{segment}：{count:,} 位客户，按资产从高到低</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/page.py" line="167"/>
        <source>Customer segments</source>
        <translation>客户分群</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/page.py" line="169"/>
        <source>RFM: Recency = days since the last customer-initiated transaction; Frequency = such transactions in the last 12 months; Monetary = 3-month average AUM (what the customer keeps with us, which is what the branch is measured on; net inflow swings with single large transfers). Each is high or low against the portfolio median.</source>
        <translation>RFM：R（最近一次）= 距客户最近一次主动交易的天数；F（频率）= 近 12 个月主动交易笔数；M（金额）= 近 3 个月日均资产（客户留在本行的资产，也是网点的考核口径；净流入会因单笔大额转账大幅波动）。三项均与全体客户的中位数比较，分高低。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/page.py" line="174"/>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/page.py" line="174"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/page.py" line="174"/>
        <source>AUM share</source>
        <translation>资产占比</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/page.py" line="176"/>
        <source>Behaviour clusters: k-means on standardised behaviour features (age, AUM, activity, channel, products, tenure, logins); the number of clusters is the one with the best silhouette score. Descriptions are generated from each cluster&apos;s profile.</source>
        <translation>行为细分：对标准化后的行为特征（年龄、资产、活跃度、渠道、产品数、客龄、登录次数）做 K 均值聚类；群数取轮廓系数最高者。描述由各群的特征画像自动生成。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/page.py" line="180"/>
        <source>Profile</source>
        <translation>画像</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/page.py" line="180"/>
        <source>In plain words</source>
        <translation>通俗描述</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/page.py" line="181"/>
        <source>RFM segments</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/page.py" line="182"/>
        <source>Behaviour clusters</source>
        <translation>行为细分</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../relmgr/ui/shell/settings_dialog.py" line="125"/>
        <source>Settings</source>
        <extracomment>The Team rules dialog opened from here stored a change (its SavedRules).</extracomment>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/settings_dialog.py" line="127"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/settings_dialog.py" line="130"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/settings_dialog.py" line="131"/>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/settings_dialog.py" line="132"/>
        <source>Change portfolio password…</source>
        <translation>修改客户库密码…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/settings_dialog.py" line="133"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/settings_dialog.py" line="134"/>
        <source>Lock after idle</source>
        <translation>空闲自动锁定</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/settings_dialog.py" line="135"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/settings_dialog.py" line="136"/>
        <source>Team rules…</source>
        <translation>团队规则…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/settings_dialog.py" line="137"/>
        <source>Team rules</source>
        <translation>团队规则</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/settings_dialog.py" line="138"/>
        <source>Head office address</source>
        <translation>总行汇总接收地址</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/settings_dialog.py" line="139"/>
        <source>Head office CA bundle (PEM)</source>
        <translation>总行 CA 证书（PEM）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/settings_dialog.py" line="140"/>
        <source>empty: the system&apos;s certificates</source>
        <translation>留空：使用系统证书</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/settings_dialog.py" line="141"/>
        <source>Branch name</source>
        <translation>网点名称</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/settings_dialog.py" line="142"/>
        <source>Relationship manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/settings_dialog.py" line="143"/>
        <source>printed in the header of call sheets</source>
        <translation>打印在联系清单的页眉</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/settings_dialog.py" line="144"/>
        <source>your name, printed in the header of call sheets</source>
        <translation>您的姓名，打印在联系清单的页眉</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/settings_dialog.py" line="145"/>
        <source>Back up on lock and quit to</source>
        <translation>锁定和退出时备份到</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/settings_dialog.py" line="146"/>
        <source>a folder; empty: no automatic backup</source>
        <translation>文件夹；留空：不自动备份</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/settings_dialog.py" line="147"/>
        <source>Automatic backups kept</source>
        <translation>保留的自动备份数</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="171"/>
        <source>Snooze until…</source>
        <translation>暂缓至…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="176"/>
        <source>Hide {customer} from the Today list until:</source>
        <translation>在今日清单中暂时隐藏 {customer}，直到：</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="179"/>
        <source>Back on</source>
        <translation>恢复日期</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="91"/>
        <source>At least 8 characters; mix letters, digits and symbols.</source>
        <translation>至少 8 位，混合字母、数字和符号。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="93"/>
        <source>Strength: weak</source>
        <translation>强度：弱</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="93"/>
        <source>Strength: fair</source>
        <translation>强度：中</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="94"/>
        <source>Strength: strong</source>
        <translation>强度：强</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="118"/>
        <source>Building the summary…</source>
        <extracomment>What it shows: aggregates of everything, and the outbox (sequence numbers, audit).</extracomment>
        <translation>正在生成汇总…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="146"/>
        <source>suppressed</source>
        <translation>已隐藏</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="139"/>
        <source>published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="138"/>
        <source>published, noisy (±{count} customers, 95%)</source>
        <translation>已发布，含噪声（±{count} 位客户，95%）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="163"/>
        <source>next try {time}</source>
        <translation>下次尝试 {time}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="169"/>
        <source>already received</source>
        <translation>总行已收到过</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="170"/>
        <source>accepted</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="193"/>
        <source>This portfolio has no branch id for head office yet: the branch&apos;s administrator sets it with relmgr sync setup.</source>
        <translation>本组合尚未设置总行同步的网点编号：请网点管理员用 relmgr sync setup 设置。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="198"/>
        <source>The summary could not be built ({kind}).</source>
        <translation>无法生成汇总（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="234"/>
        <location filename="../../relmgr/ui/sync/page.py" line="252"/>
        <source>No head-office address: set it in Settings.</source>
        <translation>未设置总行地址：请在“设置”中填写。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="275"/>
        <source>Sent {count} summaries.</source>
        <translation>已发送 {count} 份汇总。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="292"/>
        <source>Not sent ({kind}).</source>
        <translation>未发送（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="295"/>
        <source>Save the signed summary</source>
        <translation>保存已签名的汇总</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="296"/>
        <source>Summary (*.json)</source>
        <translation>汇总 (*.json)</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="304"/>
        <source>Saved to {file}.</source>
        <translation>已保存到 {file}。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="316"/>
        <source>Head-office summary</source>
        <translation>总行汇总</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="208"/>
        <source>Differential privacy is on (epsilon {epsilon:g}): every customer count is noisy by up to ±{count}, every AUM figure by up to ±{aum:,} (95% of the time); totals add up the noisy cells; model quality is not noisy.</source>
        <translation>差分隐私已开启（epsilon {epsilon:g}）：每个客户数含最多 ±{count} 的噪声，每个 AUM 数字含最多 ±{aum:,} 的噪声（95% 的情况下）；合计为含噪单元格之和；模型质量不加噪。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="214"/>
        <source>No figure is noisy (differential privacy is off).</source>
        <translation>没有加噪数字（差分隐私未开启）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="216"/>
        <source>Branch {branch}, period {start} to {end}; k = {k}; {hidden} cells suppressed; AUM rounded to {step:,}. {noisy} Outbox: {queued} waiting, {sent} sent and acknowledged, {refused} refused.</source>
        <translation>网点 {branch}，期间 {start} 至 {end}；k = {k}；{hidden} 个单元格已隐藏；AUM 按 {step:,} 取整。{noisy}发件箱：{queued} 份待发，{sent} 份已发送并经总行确认，{refused} 份被拒收。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="263"/>
        <source>Sending to head office</source>
        <translation>发送至总行</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="276"/>
        <source>Summary #{number} refused by head office: {reason}</source>
        <translation>第 {number} 号汇总被总行拒收：{reason}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="279"/>
        <source>Not sent, kept in the outbox and tried again later: {reason}</source>
        <translation>未发送，已保留在发件箱，稍后重试：{reason}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="317"/>
        <source>Exactly what leaves this PC: counts of customers and rounded AUM, never a name, number or note. {mark} marks a suppressed cell (fewer than k customers, or hidden so totals cannot reveal one). Below: the outbox, kept inside the encrypted portfolio.</source>
        <translation>以下正是将离开本机的全部内容：客户数与取整后的 AUM，绝不含姓名、号码或备注。{mark} 表示已隐藏的单元格（客户少于 k 个，或为防止由合计推算而隐藏）。下方为发件箱，保存在加密客户库内。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="323"/>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="323"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="323"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="323"/>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="324"/>
        <source>Last attempt</source>
        <translation>上次尝试</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="324"/>
        <source>Answer or next try</source>
        <translation>总行答复或下次尝试</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="325"/>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="325"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="325"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="326"/>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="326"/>
        <source>AUM (rounded)</source>
        <translation>AUM（取整）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="327"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="328"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/sync/page.py" line="329"/>
        <source>Save to file…</source>
        <translation>保存到文件…</translation>
    </message>
</context>
<context>
    <name>TagsAndConsent</name>
    <message>
        <location filename="../../relmgr/ui/customers/tags_consent.py" line="123"/>
        <source>Could not read the tags and consent ({kind}).</source>
        <extracomment>The section shows fresh data for this customer (also after a change was stored).</extracomment>
        <translation>无法读取标签和营销同意（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/tags_consent.py" line="139"/>
        <source>No tags yet.</source>
        <translation>暂无标签。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/tags_consent.py" line="155"/>
        <source>{consent} (recorded by you on {date})</source>
        <translation>{consent}（您于 {date} 记录）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/tags_consent.py" line="160"/>
        <source>The bank&apos;s data says declined, and a refusal wins: no marketing.</source>
        <translation>银行数据显示客户拒绝营销，以拒绝为准：不得营销。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/tags_consent.py" line="163"/>
        <source>{consent} (in the bank&apos;s data)</source>
        <translation>{consent}（银行数据）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/tags_consent.py" line="164"/>
        <source>Not known: ask before offering products.</source>
        <translation>未知：推荐产品前请先征询客户。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/tags_consent.py" line="185"/>
        <source>The tags were not changed: {reason}.</source>
        <translation>标签未修改：{reason}。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/tags_consent.py" line="200"/>
        <source>Pick one of the customer&apos;s tags to remove.</source>
        <translation>请选择要删除的客户标签。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/tags_consent.py" line="216"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/tags_consent.py" line="217"/>
        <source>Marketing consent</source>
        <translation>营销同意</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/tags_consent.py" line="218"/>
        <source>New tag, or pick one to remove</source>
        <translation>输入新标签，或选择要删除的标签</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/tags_consent.py" line="219"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/tags_consent.py" line="220"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/tags_consent.py" line="221"/>
        <source>Record…</source>
        <translation>记录…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/tags_consent.py" line="222"/>
        <source>Record what the customer told you about marketing, with the date and a note (written to the audit log).</source>
        <translation>记录客户对营销的意愿、日期和备注（记入审计日志）。</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="107"/>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="109"/>
        <source>Customer no. (leave empty for a general task)</source>
        <translation>客户号（通用任务可留空）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="126"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="127"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="128"/>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="129"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="143"/>
        <source>Say what the task is.</source>
        <translation>请填写任务内容。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="155"/>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../relmgr/ui/shell/runner.py" line="197"/>
        <source>Cancel</source>
        <extracomment>Keys of staged runs started from more than one place (the window&apos;s catch-up after unlock and a page&apos;s own button): one key, so starting one supersedes the other. Emitted whenever a call is queued or finished; views show a busy cursor from it. Emitted with a `Changes` after a write declared with @writes (relmgr/services/changes.py) has run, after its own callback: the one way pages learn that what they show changed.</extracomment>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/runner.py" line="197"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="86"/>
        <source>Overdue by {days} days</source>
        <translation>已逾期 {days} 天</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="55"/>
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="56"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="57"/>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="58"/>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="59"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="60"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="61"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="253"/>
        <source>This portfolio holds no data yet, so it has no data date: import the bank&apos;s export first (relmgr import).</source>
        <extracomment>What it shows: the open follow-up tasks.</extracomment>
        <translation>此客户库还没有数据，因此没有数据日期：请先导入银行的导出文件（relmgr import）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="256"/>
        <source>Tasks could not be read ({kind}).</source>
        <translation>无法读取任务（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="275"/>
        <source>No tasks.</source>
        <translation>没有任务。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="279"/>
        <source>{open:,} open, {overdue:,} overdue (as of {date})</source>
        <translation>{open:,} 项待办，{overdue:,} 项逾期（截至 {date}）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="307"/>
        <source>Task {id} marked done.</source>
        <translation>任务 {id} 已完成。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="308"/>
        <source>Task {id} cancelled.</source>
        <translation>任务 {id} 已取消。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="318"/>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="334"/>
        <source>Task {id} created.</source>
        <translation>已创建任务 {id}。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="359"/>
        <source>Tasks</source>
        <translation>待办任务</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="360"/>
        <source>New task…</source>
        <translation>新建任务…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="361"/>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="362"/>
        <source>Cancel task</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="363"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="364"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="368"/>
        <source>Open tasks</source>
        <translation>待办任务清单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="368"/>
        <source>Overdue only</source>
        <translation>仅逾期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/tasks/page.py" line="368"/>
        <source>All, incl. done</source>
        <translation>全部（含已完成）</translation>
    </message>
</context>
<context>
    <name>TeamRulesDialog</name>
    <message>
        <location filename="../../relmgr/ui/shell/team_rules_dialog.py" line="192"/>
        <source>The team rules could not be read or saved ({kind}).</source>
        <extracomment>Emitted with the SavedRules after a change was stored; the window sets off what it needs.</extracomment>
        <translation>无法读取或保存团队规则（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/team_rules_dialog.py" line="198"/>
        <source>Team rules</source>
        <translation>团队规则</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/team_rules_dialog.py" line="200"/>
        <source>These rules are the team&apos;s: they are kept in the encrypted portfolio, and every change is written to the audit log. Tiers are on the 3-month average daily AUM.</source>
        <translation>这些是团队规则：保存在加密的客户库中，每次修改都会写入审计日志。分层依据近 3 个月日均资产。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/team_rules_dialog.py" line="202"/>
        <source>Service tiers</source>
        <translation>客户分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/team_rules_dialog.py" line="202"/>
        <source>Contact cadence</source>
        <translation>联系周期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/team_rules_dialog.py" line="203"/>
        <source>Churn warnings</source>
        <translation>流失预警</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/team_rules_dialog.py" line="203"/>
        <source>Today and head office</source>
        <translation>今日工作与总行汇总</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/team_rules_dialog.py" line="212"/>
        <source>No call cadence</source>
        <translation>不设联系周期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/team_rules_dialog.py" line="204"/>
        <source>Loan prospects</source>
        <translation>贷款潜在客户</translation>
    </message>
</context>
<context>
    <name>TiersPage</name>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="28"/>
        <location filename="../../relmgr/ui/segments/tiers.py" line="38"/>
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="29"/>
        <location filename="../../relmgr/ui/segments/tiers.py" line="39"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="30"/>
        <location filename="../../relmgr/ui/segments/tiers.py" line="190"/>
        <location filename="../../relmgr/ui/segments/tiers.py" line="192"/>
        <source>Tier</source>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="31"/>
        <location filename="../../relmgr/ui/segments/tiers.py" line="43"/>
        <source>3-month avg AUM</source>
        <translation>近 3 个月日均资产</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="32"/>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="33"/>
        <source>Due on</source>
        <translation>应联系日期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="34"/>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="35"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="40"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="41"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="42"/>
        <source>Move</source>
        <translation>变动</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="136"/>
        <location filename="../../relmgr/ui/segments/tiers.py" line="137"/>
        <source>Not computed yet: press Refresh.</source>
        <translation>尚未计算：请点击“刷新”。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="141"/>
        <source>Data as of {date}; computed {when}</source>
        <translation>数据日期 {date}；计算于 {when}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="144"/>
        <source>every {days} days</source>
        <translation>每 {days} 天</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="145"/>
        <source>digital only</source>
        <translation>仅线上服务</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="158"/>
        <source>No customer changed tier in {month}. A downgrade takes effect only after the months below the threshold that the team rules ask for.</source>
        <translation>{month} 没有客户调整分层。降级须在资产低于门槛达到团队规则规定的月数后才生效。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="161"/>
        <source>{count:,} tier changes in {month}: {up:,} up, {down:,} down.</source>
        <translation>{month} 共 {count:,} 次分层调整：升级 {up:,} 次，降级 {down:,} 次。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="184"/>
        <source>{count:,} customers</source>
        <translation>{count:,} 位客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="187"/>
        <source>Service tiers</source>
        <translation>客户分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="188"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="190"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="190"/>
        <source>AUM (CNY)</source>
        <translation>资产（元）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="190"/>
        <source>AUM share</source>
        <translation>资产占比</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="191"/>
        <source>Contact cadence</source>
        <translation>联系频率</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="191"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="191"/>
        <location filename="../../relmgr/ui/segments/tiers.py" line="200"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="193"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="198"/>
        <source>All tiers</source>
        <translation>全部分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="200"/>
        <source>Due or overdue</source>
        <translation>到期或逾期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="200"/>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="201"/>
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="206"/>
        <source>Due for contact</source>
        <translation>待联系名单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/segments/tiers.py" line="207"/>
        <source>Tier changes this month</source>
        <translation>本月分层变动</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="113"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="114"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="115"/>
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="116"/>
        <source>Tier</source>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="117"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="118"/>
        <source>Suggested action</source>
        <translation>建议动作</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="119"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="120"/>
        <source>Why today</source>
        <translation>今日联系原因</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="362"/>
        <source>Today&apos;s plan was chosen again on the updated scores.</source>
        <extracomment>What the day&apos;s list is made of: it reads again when a write changes any of it. The number of lines, each time the list has been (re)loaded. An export finished (the ExportResult): the audit page may refresh. What the catch-up after unlock (and Refresh) writes: the plan waits for the RM&apos;s Reload.</extracomment>
        <translation>已按更新后的评分重新安排今日计划。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="427"/>
        <source>This portfolio holds no data yet, so it has no data date: import the bank&apos;s export first (relmgr import).</source>
        <translation>此客户库还没有数据，因此没有数据日期：请先导入银行的导出文件（relmgr import）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="430"/>
        <source>The Today list could not be read ({kind}).</source>
        <translation>无法读取今日清单（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="467"/>
        <location filename="../../relmgr/ui/today/page.py" line="485"/>
        <source>Hidden today ({count})</source>
        <translation>今日已隐藏（{count}）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="488"/>
        <source>Tiers are taken from today&apos;s AUM: service tiers have not been computed yet.</source>
        <translation>客户层级按当前资产临时计算：尚未计算客户分层。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="496"/>
        <source>Nobody is hidden today.</source>
        <translation>今天没有隐藏的客户。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="502"/>
        <source>Restore {customer} (snoozed until {date})</source>
        <translation>恢复 {customer}（暂缓至 {date}）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="504"/>
        <source>Restore {customer} (dismissed for today)</source>
        <translation>恢复 {customer}（今日已忽略）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="580"/>
        <source>Select a line to see why it is on the list.</source>
        <translation>选中一行，查看其列入清单的原因。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="586"/>
        <source>{customer}: {action}</source>
        <translation>{customer}：{action}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="607"/>
        <source>Priority {priority} = ({points}) × {weight:g}, the weight of the {tier} tier. Hover over a reason to see how its points are given.</source>
        <translation>优先级 {priority} = （{points}）× {weight:g}（{tier}客户层级权重）。鼠标悬停在原因上可查看计分规则。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="621"/>
        <source>Log contact for {count}…</source>
        <translation>为 {count} 条记录联系…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="665"/>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="474"/>
        <source>{must} must-do first (due tasks, warnings with much at stake), then {rest} by priority</source>
        <translation>必做 {must} 条在前（到期待办、高价值流失预警），其余 {rest} 条按优先级</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="476"/>
        <source>{rest} lines by priority</source>
        <translation>{rest} 条按优先级排列</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="477"/>
        <source>Done today: {done} of {count}</source>
        <translation>今日已完成：{done} / {count}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="478"/>
        <source>Your plan holds {capacity} lines a day (team rule: daily capacity). A contact logged today on a line counts as done.</source>
        <translation>每日计划包含 {capacity} 条（团队规则：每日容量）。今天在某条上记录了联系即算完成。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="482"/>
        <source>Hide the backlog</source>
        <translation>收起候补名单</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="483"/>
        <source>Backlog: {count:,} more</source>
        <translation>候补名单：另有 {count:,} 位</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="585"/>
        <source>{customer}: {action} (done today)</source>
        <translation>{customer}：{action}（今日已完成）</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="708"/>
        <source>Contact logged for {customer}: the line is done.</source>
        <translation>已记录与 {customer} 的联系：该条已完成。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="733"/>
        <source>Contact with {customer} taken back: the line is open again.</source>
        <translation>已撤销与 {customer} 的联系记录：该条重新待办。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="769"/>
        <source>{customer} snoozed until {date}.</source>
        <translation>{customer} 已暂缓至 {date}。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="783"/>
        <source>{customer} dismissed for today.</source>
        <translation>{customer} 今日已忽略。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="802"/>
        <source>{customer} moved to place {rank}.</source>
        <translation>{customer} 已移到第 {rank} 位。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="809"/>
        <source>Back to priority order.</source>
        <translation>已恢复按优先级排序。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="815"/>
        <source>{customer} is back on the list.</source>
        <translation>{customer} 已回到清单。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="849"/>
        <source>Today</source>
        <translation>今日工作</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="622"/>
        <source>Log contact…</source>
        <translation>记录联系…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="698"/>
        <source>Contact logged for {count} lines: they are done.</source>
        <translation>已为 {count} 条记录联系：这些条目已完成。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="725"/>
        <source>{count} contacts taken back: the lines are open again.</source>
        <translation>已撤销 {count} 次联系：这些条目重新待办。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="760"/>
        <source>the {count} selected lines</source>
        <translation>选中的 {count} 条</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="770"/>
        <source>{count} lines snoozed until {date}.</source>
        <translation>{count} 条已暂缓至 {date}。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="784"/>
        <source>{count} lines dismissed for today.</source>
        <translation>{count} 条今日已忽略。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="850"/>
        <source>Snooze until…</source>
        <translation>暂缓至…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="851"/>
        <source>Dismiss for today</source>
        <translation>今日忽略</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="852"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="853"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="854"/>
        <source>Reset order</source>
        <translation>恢复排序</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="855"/>
        <source>Forget today&apos;s manual moves: back to priority order</source>
        <translation>取消今天的手动调整，按优先级排序</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="856"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="859"/>
        <source>Undo contact</source>
        <translation>撤销联系</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="860"/>
        <source>Take back the contact logged on this line today</source>
        <translation>撤销今天在这一条上记录的联系</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="861"/>
        <source>Segments and churn scores were brought up to date. Your plan stays as it is until you reload it; lines done stay done.</source>
        <translation>客户分层和流失评分已更新。您的计划保持不变，重新加载后才会调整；已完成的条目仍保持完成。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="863"/>
        <source>Reload the plan</source>
        <translation>重新加载计划</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="864"/>
        <source>Because of</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="868"/>
        <source>All reasons</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="874"/>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="874"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="874"/>
        <source>Points</source>
        <translation>分数</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="874"/>
        <source>Tier weight</source>
        <translation>层级权重</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="875"/>
        <source>Weighted</source>
        <translation>加权分</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="857"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="858"/>
        <source>Print the day&apos;s plan as its call sheet (masked; written to the audit log)</source>
        <translation>将今日计划打印为联系清单（已脱敏，记入审计日志）</translation>
    </message>
</context>
<context>
    <name>TodayTableModel</name>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="151"/>
        <source>Done today: a contact is logged. Undo takes it back.</source>
        <translation>今日已完成：已记录联系。可用“撤销联系”取消。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/today/page.py" line="155"/>
        <source>Moved here by you today</source>
        <translation>今天由您手动调整到此位置</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="278"/>
        <source>Unlock portfolio</source>
        <translation>解锁客户库</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="279"/>
        <source>Portfolio locked</source>
        <translation>客户库已锁定</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="280"/>
        <source>Relationship Manager Workbench</source>
        <translation>客户经理工作台</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="283"/>
        <source>Open your encrypted customer portfolio, create a new one, or try the demo.</source>
        <translation>打开加密的客户库，新建一个，或试用演示客户库。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="286"/>
        <source>The portfolio is locked. Enter its password to continue.</source>
        <translation>客户库已锁定，请输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="287"/>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="407"/>
        <source>Open portfolio</source>
        <translation>打开客户库</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="288"/>
        <source>Create new</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="289"/>
        <source>Demo portfolio</source>
        <translation>演示客户库</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="290"/>
        <source>Portfolio file</source>
        <translation>客户库文件</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="291"/>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="295"/>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="307"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="292"/>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="297"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="293"/>
        <source>New file</source>
        <translation>新文件</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="294"/>
        <source>e.g. my-customers.rmdb</source>
        <translation>例如 my-customers.rmdb</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="296"/>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="299"/>
        <source>A synthetic portfolio of {count} customers with realistic holdings, transactions and contact history, for trying relmgr. It holds no real customer data, which is why its password is shown here. It is created on first use; that takes a moment.</source>
        <translation>一个包含 {count} 位模拟客户的演示客户库，有逼真的持仓、交易和联系记录，供试用 relmgr。其中没有任何真实客户数据，所以这里直接显示它的密码。首次使用时创建，需要稍等片刻。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="303"/>
        <source>Demo password:</source>
        <translation>演示密码：</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="308"/>
        <source>Open another portfolio…</source>
        <translation>打开其他客户库…</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="309"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="320"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="322"/>
        <source>Create portfolio</source>
        <translation>创建客户库</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="324"/>
        <source>Open demo</source>
        <translation>打开演示</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="357"/>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="359"/>
        <source>The portfolio file was not found.</source>
        <translation>找不到客户库文件。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="361"/>
        <source>This file is not a relmgr portfolio.</source>
        <translation>此文件不是 relmgr 客户库。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="363"/>
        <source>The portfolio file is damaged and cannot be opened.</source>
        <translation>客户库文件已损坏，无法打开。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="365"/>
        <source>This portfolio could not be upgraded to this version of relmgr. It was left as it was.</source>
        <translation>此客户库无法升级到当前版本的 relmgr，文件保持原样未作改动。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="368"/>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="481"/>
        <source>A file with this name already exists. Choose another name.</source>
        <translation>已有同名文件，请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="370"/>
        <source>Cancelled. Nothing was created.</source>
        <translation>已取消，没有创建任何文件。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="372"/>
        <source>The file could not be read or written.</source>
        <translation>无法读取或写入该文件。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="374"/>
        <source>The portfolio could not be opened ({kind}).</source>
        <translation>无法打开客户库（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="408"/>
        <source>relmgr portfolios (*.rmdb);;All files (*)</source>
        <translation>relmgr 客户库 (*.rmdb);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="416"/>
        <source>New portfolio</source>
        <translation>新建客户库</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="416"/>
        <source>relmgr portfolios (*.rmdb)</source>
        <translation>relmgr 客户库 (*.rmdb)</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="430"/>
        <source>Choose a portfolio file.</source>
        <translation>请选择客户库文件。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="442"/>
        <source>Enter the password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="465"/>
        <source>Enter a name for the new portfolio file.</source>
        <translation>请输入新客户库的文件名。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="470"/>
        <source>The password is too weak. Use at least 8 characters, mixing letters with digits or symbols.</source>
        <translation>密码太弱。请至少使用 8 位，混合字母与数字或符号。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="475"/>
        <source>The two passwords differ. Type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="489"/>
        <source>The demo portfolio is not available in this build.</source>
        <translation>此版本不含演示客户库。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/shell/unlock_dialog.py" line="513"/>
        <source>Creating the demo portfolio…</source>
        <translation>正在创建演示客户库…</translation>
    </message>
</context>
<context>
    <name>WarningDialog</name>
    <message>
        <location filename="../../relmgr/ui/churn/warning_dialog.py" line="134"/>
        <source>Write a note: what was said or agreed.</source>
        <translation>请填写备注：沟通内容或约定事项。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/warning_dialog.py" line="136"/>
        <source>The note is too long (at most {count:,} characters).</source>
        <translation>备注太长（最多 {count:,} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/warning_dialog.py" line="139"/>
        <source>Choose a date after today to snooze until.</source>
        <translation>请选择今天之后的日期作为暂缓截止日。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/warning_dialog.py" line="141"/>
        <source>The follow-up date lies in the past.</source>
        <translation>跟进日期早于今天。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/warning_dialog.py" line="160"/>
        <source>Snooze churn warning</source>
        <translation>暂缓流失预警</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/warning_dialog.py" line="161"/>
        <source>Snooze the warning of {customer}</source>
        <translation>暂缓 {customer} 的流失预警</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/warning_dialog.py" line="163"/>
        <source>Mark churn warning handled</source>
        <translation>标记流失预警已处理</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/warning_dialog.py" line="164"/>
        <source>Mark the warning of {customer} handled</source>
        <translation>将 {customer} 的流失预警标记为已处理</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/warning_dialog.py" line="166"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/warning_dialog.py" line="167"/>
        <source>Required: what was said or agreed</source>
        <translation>必填：沟通内容或约定事项</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/warning_dialog.py" line="168"/>
        <source>Snooze until</source>
        <translation>暂缓至</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/warning_dialog.py" line="169"/>
        <source>Contacted by</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/warning_dialog.py" line="170"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/churn/warning_dialog.py" line="171"/>
        <source>Create a follow-up task due on</source>
        <translation>创建跟进任务，到期日</translation>
    </message>
</context>
<context>
    <name>_BulkDialog</name>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="79"/>
        <source>The note is too long (at most {count:,} characters).</source>
        <extracomment>The ids of the rows stored (contacts or tasks), one per customer.</extracomment>
        <translation>备注太长（最多 {count:,} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="113"/>
        <source>Cancelled; nothing was saved.</source>
        <translation>已取消，未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="123"/>
        <source>Nothing saved: {reason}</source>
        <translation>未保存任何内容：{reason}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="125"/>
        <source>Nothing saved ({kind}).</source>
        <translation>未保存任何内容（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/customers/bulk_dialogs.py" line="128"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>_ProductCard</name>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="130"/>
        <source>fit {score:.2f}</source>
        <translation>匹配度 {score:.2f}</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="131"/>
        <source>Fit score: about the share of customers like this one who hold the product (higher is a better fit; it can exceed 1).</source>
        <translation>匹配度：大致相当于与该客户相似的客户中持有该产品的比例（越高越匹配，可能超过 1）。</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="138"/>
        <source>Note needed to accept: what you explained and why it suits them</source>
        <translation>接受须填写备注：向客户说明了什么、为何适合客户</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="139"/>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="140"/>
        <source>Decline</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../relmgr/ui/recommendations/panel.py" line="141"/>
        <source>Not now</source>
        <translation>暂不考虑</translation>
    </message>
</context>
</TS>
