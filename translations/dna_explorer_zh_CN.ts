<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DesignExport</name>
    <message>
        <source>Candidate %1 is not in the store %2.</source>
        <translation>候选方案 %1 不在运行记录库 %2 中。</translation>
    </message>
    <message>
        <source>No candidates are selected; select some in the plot or the table.</source>
        <translation>未选择任何候选方案；请在图表或表格中选择。</translation>
    </message>
    <message>
        <source>Cannot create the folder “%1”.</source>
        <translation>无法创建文件夹“%1”。</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <source>Candidate %1 has no trained weights: only retrained designs keep them (the final networks of a “paper” preset search).</source>
        <translation>候选方案 %1 没有训练好的权重：只有重新训练的设计会保留权重（“paper”预设搜索的最终网络）。</translation>
    </message>
    <message>
        <source>The trained weights of candidate %1 are gone: “%2” no longer exists.</source>
        <translation>候选方案 %1 的训练权重已丢失：“%2”已不存在。</translation>
    </message>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Change budget</source>
        <translation>更改预算</translation>
    </message>
</context>
<context>
    <name>dna::app::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>导出内容</translation>
    </message>
    <message>
        <source>Design files (JSON: network, platform, accelerator, mappings)</source>
        <translation>设计文件（JSON：网络、平台、加速器、映射）</translation>
    </message>
    <message>
        <source>Timeloop inputs (YAML, one file per layer)</source>
        <translation>Timeloop 输入（YAML，每层一个文件）</translation>
    </message>
    <message>
        <source>Candidates table as CSV (the rows shown)</source>
        <translation>候选方案表格，CSV 格式（当前显示的行）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>The table shows 1 candidate.</source>
        <translation>表格显示 1 个候选方案。</translation>
    </message>
    <message>
        <source>The table shows %1 candidates.</source>
        <translation>表格显示 %1 个候选方案。</translation>
    </message>
    <message>
        <source>No candidates are selected: select some in the plot or the table to export their designs.</source>
        <translation>未选择任何候选方案：请在图表或表格中选择候选方案以导出其设计。</translation>
    </message>
    <message>
        <source>1 candidate selected.</source>
        <translation>已选择 1 个候选方案。</translation>
    </message>
    <message>
        <source>%1 candidates selected.</source>
        <translation>已选择 %1 个候选方案。</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Export the table as CSV</source>
        <translation>将表格导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <source>Choose where to export to.</source>
        <translation>请选择导出位置。</translation>
    </message>
    <message>
        <source>This export is not available.</source>
        <translation>此导出项不可用。</translation>
    </message>
    <message>
        <source>Cannot create the folder of “%1”.</source>
        <translation>无法创建“%1”所在的文件夹。</translation>
    </message>
    <message>
        <source>Trained weights (LibTorch files of retrained designs)</source>
        <translation>训练好的权重（重新训练设计的 LibTorch 文件）</translation>
    </message>
    <message>
        <source>Trained weights: select retrained candidates to export their weights.</source>
        <translation>训练好的权重：请选择重新训练过的候选方案以导出其权重。</translation>
    </message>
    <message>
        <source>Only retrained designs keep their weights: the final networks of a “paper” preset search (here or “dna-cli search --preset paper”). “dna-cli train --genotype … --checkpoint FILE” trains any genotype.</source>
        <translation>只有重新训练的设计会保留权重：“paper”预设搜索的最终网络（在此处或通过“dna-cli search --preset paper”）。“dna-cli train --genotype … --checkpoint FILE”可训练任意基因型。</translation>
    </message>
    <message>
        <source>Trained weights: the selected candidate has none.</source>
        <translation>训练好的权重：所选候选方案没有权重。</translation>
    </message>
    <message>
        <source>Trained weights: none of the selected candidates has them.</source>
        <translation>训练好的权重：所选候选方案均没有权重。</translation>
    </message>
    <message>
        <source>Trained weights: not available for candidate %1.</source>
        <translation>训练好的权重：候选方案 %1 不可用。</translation>
    </message>
    <message>
        <source>Trained weights: not available for candidates %1.</source>
        <translation>训练好的权重：候选方案 %1 不可用。</translation>
    </message>
</context>
<context>
    <name>dna::app::MainWindow</name>
    <message>
        <source>DNA Explorer</source>
        <translation>DNA 探索器</translation>
    </message>
    <message>
        <source>Searches a neural network and the accelerator that runs it together, as proposed in %1, and shows the trade-off between accuracy and speed.</source>
        <translation>按照 %1 提出的方法，同时搜索神经网络及运行它的加速器，并展示精度与速度之间的权衡。</translation>
    </message>
    <message>
        <source>Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later).</source>
        <translation>许可证：GNU 通用公共许可证第 3 版或更高版本（GPL-3.0-or-later）。</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>使用 Qt %1 构建，运行于 Qt %2。</translation>
    </message>
    <message>
        <source>About DNA Explorer</source>
        <translation>关于 DNA 探索器</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>候选方案</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>网络架构</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About DNA Explorer</source>
        <translation>关于 DNA 探索器(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Plot written to %1</source>
        <translation>图表已写入 %1</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>各层</translation>
    </message>
    <message>
        <source>Compare two</source>
        <translation>对比两个</translation>
    </message>
    <message>
        <source>Select two candidates (Ctrl+click) to compare them layer by layer</source>
        <translation>选择两个候选方案（Ctrl+单击）以逐层比较</translation>
    </message>
    <message>
        <source>&amp;Open Run Store…</source>
        <translation>打开运行记录库(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export Selected…</source>
        <translation>导出所选(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;Plot…</source>
        <translation>导出图表(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Reset &amp;Zoom</source>
        <translation>重置缩放(&amp;Z)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the search; the candidates found so far are kept</source>
        <translation>停止搜索；已找到的候选方案会保留</translation>
    </message>
    <message>
        <source>Open run store</source>
        <translation>打开运行记录库</translation>
    </message>
    <message>
        <source>Run stores (*.sqlite *.db);;All files (*)</source>
        <translation>运行记录库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Stop the running search before opening another run store.</source>
        <translation>请先停止正在进行的搜索，再打开其他运行记录库。</translation>
    </message>
    <message>
        <source>Cannot open the run store %1: %2. The file was left as it is.</source>
        <translation>无法打开运行记录库 %1：%2。文件未作任何改动。</translation>
    </message>
    <message>
        <source>Run store: %1%2</source>
        <translation>运行记录库：%1%2</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>Another program is writing to %1, so it is open read-only: you can browse its runs but not start a search in it.</source>
        <translation>另一个程序正在写入 %1，因此以只读方式打开：可以浏览其中的运行，但不能在其中开始搜索。</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) left running by a program that stopped were marked interrupted; their candidates are kept.</source>
        <translation>
            <numerusform>有 %n 个运行因其所属程序已停止而被标记为“已中断”；其候选方案会保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 DSP, %2 BRAM18</source>
        <translation>%1 DSP，%2 BRAM18</translation>
    </message>
    <message>
        <source>%1 PEs, %2 KiB</source>
        <translation>%1 PE，%2 KiB</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)</source>
        <translation>%2 上的 %1（%3）</translation>
    </message>
    <message>
        <source>, ≥ %1 FPS</source>
        <translation>，≥ %1 FPS</translation>
    </message>
    <message>
        <source>, ≤ %1 µJ</source>
        <translation>，≤ %1 µJ</translation>
    </message>
    <message>
        <source>This run store is open read-only (another program writes it): open another store with File &gt; Open to search.</source>
        <translation>此运行记录库以只读方式打开（另一个程序正在写入）：如需搜索，请通过“文件 &gt; 打开”打开其他运行记录库。</translation>
    </message>
    <message>
        <source>No run store is open: choose one with File &gt; Open.</source>
        <translation>未打开运行记录库：请通过“文件 &gt; 打开”选择一个。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Budget changed: start a search (Ctrl+R) to search under it.</source>
        <translation>预算已更改：开始搜索（Ctrl+R）即可在新预算下搜索。</translation>
    </message>
    <message>
        <source>Starting run %1…</source>
        <translation>正在启动运行 %1…</translation>
    </message>
    <message>
        <source>Epoch %1: derived %2, %3 % (shared weights), %4 FPS</source>
        <translation>轮次 %1：派生网络 %2，%3 %（共享权重），%4 FPS</translation>
    </message>
    <message numerus="yes">
        <source>Run %1 · %2 · epoch %3/%4 · loss %5 · λ %6 · %n candidate(s) · ETA %7</source>
        <translation>
            <numerusform>运行 %1 · %2 · 轮次 %3/%4 · 损失 %5 · λ %6 · %n 个候选方案 · 预计剩余 %7</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1 failed: %2</source>
        <translation>运行 %1 失败：%2</translation>
    </message>
    <message>
        <source>Run %1 complete.</source>
        <translation>运行 %1 已完成。</translation>
    </message>
    <message>
        <source>Run %1 stopped; its candidates are kept.</source>
        <translation>运行 %1 已停止；其候选方案会保留。</translation>
    </message>
    <message>
        <source>Run %1 failed.</source>
        <translation>运行 %1 失败。</translation>
    </message>
    <message>
        <source>&amp;Train from Scratch…</source>
        <translation>从头训练(&amp;T)…</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Train the selected networks from scratch to check their estimates</source>
        <translation>从头训练所选网络，以检验其估计值</translation>
    </message>
    <message>
        <source>Stop training</source>
        <translation>停止训练</translation>
    </message>
    <message>
        <source>Stop the training; the candidates keep their estimates</source>
        <translation>停止训练；候选保留其估计值</translation>
    </message>
    <message>
        <source>Stop the training before opening another run store.</source>
        <translation>请先停止训练，再打开其他运行库。</translation>
    </message>
    <message>
        <source>Run %1 started: the supernet trains its first epoch; the first candidates appear when it ends</source>
        <translation>运行 %1 已开始：超网正在训练第一个轮次；该轮结束时出现第一批候选</translation>
    </message>
    <message>
        <source>Search running: the probabilities appear here after each epoch</source>
        <translation>搜索进行中：每个轮次结束后在此显示概率</translation>
    </message>
    <message>
        <source>Run %1, %2 of epoch 1 (%3): the first candidates appear when it ends, in about %4</source>
        <translation>运行 %1，第 1 轮已完成 %2（%3）：该轮结束时出现第一批候选，约 %4 后</translation>
    </message>
    <message>
        <source>Training candidate %1 (%2 of %3), sharing the cores with the search</source>
        <translation>正在训练候选 %1（第 %2 个，共 %3 个），与搜索共享处理器核心</translation>
    </message>
    <message>
        <source>Training candidate %1 (%2 of %3)</source>
        <translation>正在训练候选 %1（第 %2 个，共 %3 个）</translation>
    </message>
    <message numerus="yes">
        <source>Candidate %1 trained from scratch for %n epoch(s): %2 % on the test images</source>
        <translation>
            <numerusform>候选 %1 已从头训练 %n 个轮次：测试图像上 %2 %</numerusform>
        </translation>
    </message>
    <message>
        <source>Recording the training of candidate %1 failed: %2</source>
        <translation>记录候选 %1 的训练结果失败：%2</translation>
    </message>
    <message>
        <source>Training candidate %1 failed: %2</source>
        <translation>训练候选 %1 失败：%2</translation>
    </message>
    <message>
        <source>Training of candidate %1 stopped; it keeps its estimate</source>
        <translation>候选 %1 的训练已停止；保留其估计值</translation>
    </message>
    <message>
        <source>Train from Scratch</source>
        <translation>从头训练</translation>
    </message>
    <message numerus="yes">
        <source>%n selected network(s) will be trained from scratch, one after another, on the training images, and tested on the test images. The result is stored beside the estimate and drawn as a diamond joined to it; the front keeps comparing estimates.</source>
        <translation>
            <numerusform>将在训练图像上依次从头训练所选的 %n 个网络，并在测试图像上测试。结果与估计值一并保存，并绘制为与估计值相连的菱形；前沿仍比较估计值。</numerusform>
        </translation>
    </message>
    <message>
        <source>A search is running. The training will share the processor with it, so both take longer (about twice as long on two cores). Stop the search first to train at full speed.</source>
        <translation>有搜索正在运行。训练将与其共享处理器，两者都会变慢（双核上约慢一倍）。如需全速训练，请先停止搜索。</translation>
    </message>
    <message>
        <source>A 4-epoch training takes about 2 to 5 minutes per network on two cores. A search started meanwhile shares the processor with it.</source>
        <translation>在双核上，每个网络训练 4 个轮次约需 2 到 5 分钟。期间启动的搜索将与其共享处理器。</translation>
    </message>
    <message>
        <source>Passes over the training images (the co-search ablation uses 4)</source>
        <translation>遍历训练图像的次数（协同搜索消融实验使用 4）</translation>
    </message>
    <message>
        <source>&amp;Epochs:</source>
        <translation>轮次(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>%1 is damaged (SQLite&apos;s check says: %2). It is open read-only and nothing will be written to it: export the designs you need, then restore the file from a backup. `dna-cli store check` lists every problem.</source>
        <translation>%1 已损坏（SQLite 检查结果：%2）。它以只读方式打开，不会写入任何内容：请导出所需的设计，然后从备份恢复该文件。`dna-cli store check` 会列出所有问题。</translation>
    </message>
    <message>
        <source>Sweeps</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Connect to &amp;Server…</source>
        <translation>连接到服务器(&amp;S)…</translation>
    </message>
    <message>
        <source>Cannot open the run store %1: %2</source>
        <translation>无法打开运行存储 %1：%2</translation>
    </message>
    <message>
        <source>%1 (a shared server store; other programs&apos; runs appear as they write them)</source>
        <translation>%1（共享的服务器存储；其他程序的运行在写入时出现）</translation>
    </message>
</context>
<context>
    <name>dna::app::ServerDialog</name>
    <message>
        <source>Connect to Server</source>
        <translation>连接到服务器</translation>
    </message>
    <message>
        <source>A host name or address, or the folder of the server&apos;s unix socket (for example /var/run/postgresql)</source>
        <translation>主机名或地址，或服务器 unix 套接字所在的文件夹（例如 /var/run/postgresql）</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>runs</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>The password comes from ~/.pgpass or the PGPASSWORD variable; it is never saved. Several programs and machines can write runs to the same database at once.</source>
        <translation>密码来自 ~/.pgpass 或 PGPASSWORD 变量，从不保存。多个程序和机器可以同时向同一数据库写入运行。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
</context>
<context>
    <name>dna::hwsearch::Objective</name>
    <message>
        <source>Throughput (FPS)</source>
        <translation>吞吐量（FPS）</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>延迟（ms）</translation>
    </message>
    <message>
        <source>Energy per inference</source>
        <translation>单次推理能耗</translation>
    </message>
    <message>
        <source>Energy per inference (µJ)</source>
        <translation>单次推理能耗（µJ）</translation>
    </message>
    <message>
        <source>Energy-delay product</source>
        <translation>能量延迟积</translation>
    </message>
    <message>
        <source>Energy-delay product (µJ·ms)</source>
        <translation>能量延迟积（µJ·ms）</translation>
    </message>
</context>
<context>
    <name>dna::session::ErrorText</name>
    <message>
        <source>The request is not valid</source>
        <translation>请求无效</translation>
    </message>
    <message>
        <source>A field of the file is not valid</source>
        <translation>文件中的某个字段无效</translation>
    </message>
    <message>
        <source>The path cannot be used</source>
        <translation>无法使用该路径</translation>
    </message>
    <message>
        <source>The file is not valid JSON</source>
        <translation>文件不是有效的 JSON</translation>
    </message>
    <message>
        <source>The file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>The file or server cannot be opened</source>
        <translation>无法打开文件或服务器</translation>
    </message>
    <message>
        <source>Reading or writing failed</source>
        <translation>读取或写入失败</translation>
    </message>
    <message>
        <source>Writing failed</source>
        <translation>写入失败</translation>
    </message>
    <message>
        <source>Unknown network</source>
        <translation>未知网络</translation>
    </message>
    <message>
        <source>Unknown platform</source>
        <translation>未知平台</translation>
    </message>
    <message>
        <source>Unknown search space</source>
        <translation>未知搜索空间</translation>
    </message>
    <message>
        <source>The genotype is not valid</source>
        <translation>基因型无效</translation>
    </message>
    <message>
        <source>A layer is not valid</source>
        <translation>某一层无效</translation>
    </message>
    <message>
        <source>The network has no layers</source>
        <translation>网络没有任何层</translation>
    </message>
    <message>
        <source>An engine of the accelerator is not valid</source>
        <translation>加速器的某个引擎无效</translation>
    </message>
    <message>
        <source>The pipeline chunks are not valid</source>
        <translation>流水线分段无效</translation>
    </message>
    <message>
        <source>The number of engines does not match the pipeline chunks</source>
        <translation>引擎数量与流水线分段不符</translation>
    </message>
    <message>
        <source>The design is not valid</source>
        <translation>设计无效</translation>
    </message>
    <message>
        <source>Unknown hardware knob</source>
        <translation>未知硬件参数</translation>
    </message>
    <message>
        <source>A fixed knob value is not valid</source>
        <translation>固定的参数值无效</translation>
    </message>
    <message>
        <source>The space is too large for an exhaustive search</source>
        <translation>空间太大，无法穷举搜索</translation>
    </message>
    <message>
        <source>No design fits the budget</source>
        <translation>没有符合预算的设计</translation>
    </message>
    <message>
        <source>The dataset is not installed</source>
        <translation>数据集未安装</translation>
    </message>
    <message>
        <source>The dataset is damaged</source>
        <translation>数据集已损坏</translation>
    </message>
    <message>
        <source>The checkpoint belongs to a different search space</source>
        <translation>检查点属于另一个搜索空间</translation>
    </message>
    <message>
        <source>The compute device is not available</source>
        <translation>计算设备不可用</translation>
    </message>
    <message>
        <source>Training diverged (the loss is not a number)</source>
        <translation>训练发散（损失不是数值）</translation>
    </message>
    <message>
        <source>LibTorch reported an error</source>
        <translation>LibTorch 报告了错误</translation>
    </message>
    <message>
        <source>The file is not a run store</source>
        <translation>该文件不是运行数据库</translation>
    </message>
    <message>
        <source>The run store has an older format</source>
        <translation>运行数据库的格式较旧</translation>
    </message>
    <message>
        <source>The run store was written by a newer version</source>
        <translation>运行数据库由较新的版本写入</translation>
    </message>
    <message>
        <source>Another program is writing the run store</source>
        <translation>另一个程序正在写入运行数据库</translation>
    </message>
    <message>
        <source>The run store is damaged</source>
        <translation>运行数据库已损坏</translation>
    </message>
    <message>
        <source>Recording in the run store failed</source>
        <translation>写入运行数据库失败</translation>
    </message>
    <message>
        <source>The candidate is not in the store</source>
        <translation>候选不在数据库中</translation>
    </message>
    <message>
        <source>No candidates are selected</source>
        <translation>未选择候选</translation>
    </message>
    <message>
        <source>The candidate has no trained weights</source>
        <translation>该候选没有训练好的权重</translation>
    </message>
    <message>
        <source>The file of the trained weights is missing</source>
        <translation>训练权重文件缺失</translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation>内部错误</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>dna::session::RetrainQueue</name>
    <message>
        <source>the training ended without a result</source>
        <translation>训练结束但没有结果</translation>
    </message>
</context>
<context>
    <name>dna::session::RunsPresenter</name>
    <message>
        <source>Lost the run store: %1. What is shown stays; the window reconnects by itself.</source>
        <translation>与运行存储的连接丢失：%1。已显示的内容保留；窗口会自动重新连接。</translation>
    </message>
    <message>
        <source>Reading the run store failed: %1</source>
        <translation>读取运行记录库失败：%1</translation>
    </message>
    <message>
        <source>Run %1: none of its candidates has a valid accelerator; the hardware search found no design within the budget</source>
        <translation>运行 %1：没有任何候选方案具有有效的加速器；硬件搜索在预算内未找到设计</translation>
    </message>
    <message>
        <source>Run %1 failed: %2</source>
        <translation>运行 %1 失败：%2</translation>
    </message>
    <message>
        <source>Run %1 stopped before its first epoch ended: it has no candidates</source>
        <translation>运行 %1 在第一轮结束前已停止：没有候选方案</translation>
    </message>
    <message>
        <source>Run %1 was relaunched under a new budget before its first epoch ended: it has no candidates</source>
        <translation>运行 %1 在第一轮结束前已按新预算重新启动：没有候选方案</translation>
    </message>
    <message>
        <source>Run %1 finished without candidates</source>
        <translation>运行 %1 已结束，没有候选方案</translation>
    </message>
    <message>
        <source>Run %1 is running in another process: its first candidates appear when its first epoch ends</source>
        <translation>运行 %1 正在另一个进程中运行：第一轮结束时将出现首批候选方案</translation>
    </message>
</context>
<context>
    <name>dna::session::SearchController</name>
    <message>
        <source>Writing to the run store failed: %1</source>
        <translation>写入运行记录库失败：%1</translation>
    </message>
    <message>
        <source>No run store is open: choose one with File &gt; Open.</source>
        <translation>未打开运行记录库：请通过“文件 &gt; 打开”选择一个。</translation>
    </message>
    <message>
        <source>the search stopped unexpectedly</source>
        <translation>搜索意外停止</translation>
    </message>
</context>
<context>
    <name>dna::widgets::ArchitectureStrip</name>
    <message>
        <source>L%1 ↓%2</source>
        <translation>L%1 ↓%2</translation>
    </message>
    <message>
        <source>L%1</source>
        <translation>L%1</translation>
    </message>
    <message>
        <source>3×3 kernel</source>
        <translation>3×3 卷积核</translation>
    </message>
    <message>
        <source>5×5 kernel</source>
        <translation>5×5 卷积核</translation>
    </message>
    <message>
        <source>7×7 kernel</source>
        <translation>7×7 卷积核</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>skip</translation>
    </message>
    <message>
        <source>darker = larger expansion (e1, e3, e6); ↓2 = stride 2</source>
        <translation>颜色越深 = 扩展倍数越大（e1、e3、e6）；↓2 = 步长 2</translation>
    </message>
    <message>
        <source>Architecture probabilities by epoch</source>
        <translation>各轮次的架构概率</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>网络架构</translation>
    </message>
    <message>
        <source>Cannot show the architecture of “%1”: a genotype looks like SPACE:op,op,… (for example fmnist:k3e3,k5e6,skip,…).</source>
        <translation>无法显示“%1”的架构：基因型的格式应为 SPACE:op,op,…（例如 fmnist:k3e3,k5e6,skip,…）。</translation>
    </message>
    <message>
        <source>Cannot show the architecture of “%1”: its search space “%2” is not one this version knows (%3).</source>
        <translation>无法显示“%1”的架构：此版本不认识其搜索空间“%2”（%3）。</translation>
    </message>
    <message>
        <source>Cannot show the architecture of “%1”: it does not fit search space “%2” (%3).</source>
        <translation>无法显示“%1”的架构：它与搜索空间“%2”不符（%3）。</translation>
    </message>
    <message>
        <source>%1 → %2 channels, %3×%3 input, stride %4</source>
        <translation>%1 → %2 通道，%3×%3 输入，步长 %4</translation>
    </message>
    <message>
        <source>skip (identity, or a 1×1 convolution where the shape changes)</source>
        <translation>skip（恒等映射；形状变化处为 1×1 卷积）</translation>
    </message>
    <message>
        <source>MBConv, %1×%1 depthwise kernel, expansion %2, %3 group(s) in the 1×1 convolutions</source>
        <translation>MBConv，%1×%1 深度卷积核，扩展倍数 %2，1×1 卷积分为 %3 组</translation>
    </message>
    <message>
        <source>Layer %1 (stage %2): %3
%4
%5</source>
        <translation>第 %1 层（阶段 %2）：%3
%4
%5</translation>
    </message>
    <message>
        <source>Architecture: %1 space, %2 searchable layers, %3 M MACs</source>
        <translation>网络架构：%1 搜索空间，%2 个可搜索层，%3 M MAC</translation>
    </message>
    <message>
        <source>Architecture: select a candidate to see its op per layer</source>
        <translation>网络架构：选择一个候选方案以查看其各层的操作</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>No search running: the probabilities appear here after each epoch</source>
        <translation>没有正在进行的搜索：每个轮次结束后，概率会显示在此处</translation>
    </message>
    <message>
        <source>op %1</source>
        <translation>操作 %1</translation>
    </message>
    <message>
        <source>Rows in each layer, top to bottom: %1. Hover a cell for its values.</source>
        <translation>每层中的行（自上而下）：%1。将鼠标悬停在单元格上可查看其数值。</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>无</translation>
    </message>
    <message>
        <source>&lt;b&gt;Layer %1, epoch %2&lt;/b&gt;: probability of each op&lt;table&gt;%3&lt;/table&gt;</source>
        <translation>&lt;b&gt;第 %1 层，第 %2 轮&lt;/b&gt;：各操作的概率&lt;table&gt;%3&lt;/table&gt;</translation>
    </message>
    <message>
        <source>%1 runs shown: open one to see its probabilities</source>
        <translation>已显示 %1 个运行：打开其中一个以查看其概率</translation>
    </message>
</context>
<context>
    <name>dna::widgets::BudgetPanel</name>
    <message>
        <source>FPGA</source>
        <translation>FPGA</translation>
    </message>
    <message>
        <source>ASIC</source>
        <translation>ASIC</translation>
    </message>
    <message>
        <source>The kind of device the accelerator is built for</source>
        <translation>加速器所面向的器件类型</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>The board or technology preset: clock, DRAM bandwidth, energy table and budgets</source>
        <translation>开发板或工艺预设：时钟、DRAM 带宽、能耗表和预算</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>What the hardware search optimises and the Pareto front trades against accuracy</source>
        <translation>硬件搜索所优化的指标，也是帕累托前沿上与准确率相权衡的指标</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>优化目标</translation>
    </message>
    <message>
        <source>The strategy of every accelerator and mapping search during the co-search (das: the paper&apos;s differentiable search)</source>
        <translation>协同搜索中每次加速器与映射搜索所用的策略（das：论文中的可微分搜索）</translation>
    </message>
    <message>
        <source>Hardware search</source>
        <translation>硬件搜索</translation>
    </message>
    <message>
        <source>DSP slices</source>
        <translation>DSP 单元</translation>
    </message>
    <message>
        <source>DSP slices the accelerator may use (one 16-bit MAC each)</source>
        <translation>加速器可使用的 DSP 单元数（每个实现一个 16 位 MAC）</translation>
    </message>
    <message>
        <source>BRAM18 blocks</source>
        <translation>BRAM18 块</translation>
    </message>
    <message>
        <source>18 Kb block RAMs for the global buffer and FIFOs</source>
        <translation>用于全局缓冲区和 FIFO 的 18 Kb 块 RAM</translation>
    </message>
    <message>
        <source>PEs</source>
        <translation>PE</translation>
    </message>
    <message>
        <source>Processing elements (MAC units)</source>
        <translation>处理单元（MAC 单元）</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>Global buffer</source>
        <translation>全局缓冲区</translation>
    </message>
    <message>
        <source>On-chip global buffer</source>
        <translation>片上全局缓冲区</translation>
    </message>
    <message>
        <source>Minimum FPS</source>
        <translation>最低 FPS</translation>
    </message>
    <message>
        <source>Throughput the derived network must reach; the hardware weight rises until it does</source>
        <translation>派生网络必须达到的吞吐量；硬件权重会不断提高，直到达到为止</translation>
    </message>
    <message>
        <source> µJ</source>
        <translation> µJ</translation>
    </message>
    <message>
        <source>Maximum energy</source>
        <translation>最大能耗</translation>
    </message>
    <message>
        <source>Energy per inference the derived network must stay under</source>
        <translation>派生网络的单次推理能耗必须低于此值</translation>
    </message>
    <message>
        <source>Efficiency weight</source>
        <translation>效率权重</translation>
    </message>
    <message>
        <source>Trade-off: 0 searches for accuracy alone; larger values favour cheaper networks on the accelerator</source>
        <translation>权衡：0 表示只追求准确率；值越大，越偏向在加速器上开销更低的网络</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮次数</translation>
    </message>
    <message>
        <source>Supernet epochs (the first is a weight-only warm-up)</source>
        <translation>超网络训练轮次数（第一轮仅训练权重，用于预热）</translation>
    </message>
    <message>
        <source>Start search</source>
        <translation>开始搜索</translation>
    </message>
    <message>
        <source>Stop search</source>
        <translation>停止搜索</translation>
    </message>
</context>
<context>
    <name>dna::widgets::CandidateTableModel</name>
    <message>
        <source>earlier</source>
        <translation>先前</translation>
    </message>
    <message>
        <source>retrained</source>
        <translation>重新训练</translation>
    </message>
    <message>
        <source>supernet estimate</source>
        <translation>超网络估计</translation>
    </message>
    <message>
        <source>No feasible accelerator or mapping was found for this network within the budget.</source>
        <translation>在预算内未能为此网络找到可行的加速器或映射。</translation>
    </message>
    <message>
        <source>Found by the run this one relaunched; its accelerator was searched again for this run&apos;s budget, its accuracy is the earlier estimate.</source>
        <translation>由本运行所重新启动的那次运行找到；其加速器已按本运行的预算重新搜索，准确率沿用先前的估计值。</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>候选方案</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Genotype</source>
        <translation>基因型</translation>
    </message>
    <message>
        <source>Accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <source>Accuracy kind</source>
        <translation>准确率类型</translation>
    </message>
    <message>
        <source>FPS</source>
        <translation>FPS</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>延迟（ms）</translation>
    </message>
    <message>
        <source>Energy (µJ)</source>
        <translation>能耗（µJ）</translation>
    </message>
    <message>
        <source>EDP (µJ·ms)</source>
        <translation>EDP（µJ·ms）</translation>
    </message>
    <message>
        <source>DSP</source>
        <translation>DSP</translation>
    </message>
    <message>
        <source>BRAM18</source>
        <translation>BRAM18</translation>
    </message>
    <message>
        <source>Area (mm²)</source>
        <translation>面积（mm²）</translation>
    </message>
    <message>
        <source>On front</source>
        <translation>在前沿上</translation>
    </message>
    <message>
        <source>The search run that evaluated this candidate.</source>
        <translation>评估此候选方案的搜索运行。</translation>
    </message>
    <message>
        <source>The candidate&apos;s id in the run store (dna-cli export --candidate ID).</source>
        <translation>候选方案在运行记录库中的 ID（dna-cli export --candidate ID）。</translation>
    </message>
    <message>
        <source>The supernet training epoch after which the network was sampled.</source>
        <translation>在哪个超网络训练轮次结束后采样得到此网络。</translation>
    </message>
    <message>
        <source>The network: search space, then the op chosen at each searchable layer (kernel size k, expansion e, groups g; skip = identity).</source>
        <translation>网络：先是搜索空间，然后是每个可搜索层所选的操作（卷积核大小 k，扩展倍数 e，分组数 g；skip = 恒等映射）。</translation>
    </message>
    <message>
        <source>Top-1 validation accuracy. See Accuracy kind for how it was measured.</source>
        <translation>Top-1 验证准确率。测量方式见“准确率类型”。</translation>
    </message>
    <message>
        <source>Supernet estimate: measured with the shared supernet weights (fast, ranks networks but underestimates them). Retrained: the network trained on its own.</source>
        <translation>超网络估计：使用共享的超网络权重测得（速度快，可用于网络排序，但会低估准确率）。重新训练：该网络单独训练后测得。</translation>
    </message>
    <message>
        <source>Frames per second of one inference stream on the searched accelerator (1 / latency).</source>
        <translation>单个推理流在搜索得到的加速器上的每秒帧数（1 / 延迟）。</translation>
    </message>
    <message>
        <source>Latency of one inference in milliseconds, from the analytical cost model.</source>
        <translation>单次推理的延迟（毫秒），由解析成本模型得出。</translation>
    </message>
    <message>
        <source>Energy per inference in microjoules: MACs, register files, NoC, global buffer and DRAM.</source>
        <translation>单次推理能耗（微焦）：包括 MAC、寄存器文件、NoC、全局缓冲区和 DRAM。</translation>
    </message>
    <message>
        <source>Energy-delay product: energy per inference (µJ) × latency (ms). Lower is better.</source>
        <translation>能量延迟积：单次推理能耗（µJ）× 延迟（ms）。越低越好。</translation>
    </message>
    <message>
        <source>DSP slices the accelerator uses (FPGA platforms).</source>
        <translation>加速器使用的 DSP 单元数（FPGA 平台）。</translation>
    </message>
    <message>
        <source>18 Kb block RAMs the accelerator&apos;s buffers use (FPGA platforms).</source>
        <translation>加速器缓冲区使用的 18 Kb 块 RAM 数（FPGA 平台）。</translation>
    </message>
    <message>
        <source>Silicon area of the accelerator in mm² (ASIC platforms).</source>
        <translation>加速器的硅面积，单位 mm²（ASIC 平台）。</translation>
    </message>
    <message>
        <source>Whether the candidate is on its run&apos;s Pareto front of accuracy against the run&apos;s objective.</source>
        <translation>该候选方案是否位于其所属运行的帕累托前沿上（准确率与该运行优化目标之间的权衡）。</translation>
    </message>
    <message>
        <source>older estimate (epoch %1)</source>
        <translation>较早的估计（第 %1 轮）</translation>
    </message>
    <message>
        <source>estimate (epoch %1)</source>
        <translation>估计（第 %1 轮）</translation>
    </message>
    <message>
        <source>Estimated with the supernet weights of epoch %1; the run&apos;s front was estimated again with the weights of epoch %2, this candidate (off the front) was not.</source>
        <translation>使用第 %1 轮的超网权重估计；该运行的前沿已使用第 %2 轮的权重重新估计，此候选（不在前沿上）未重新估计。</translation>
    </message>
    <message>
        <source>Trained (%)</source>
        <translation>训练后 (%)</translation>
    </message>
    <message>
        <source>Test accuracy of the network trained from scratch (Search &gt; Train from Scratch), empty when it was not trained.</source>
        <translation>从头训练的网络的测试准确率（搜索 &gt; 从头训练），未训练时为空。</translation>
    </message>
</context>
<context>
    <name>dna::widgets::CandidateTableView</name>
    <message>
        <source>Front only</source>
        <translation>仅前沿</translation>
    </message>
    <message>
        <source>Show only candidates on their run&apos;s Pareto front.</source>
        <translation>仅显示位于其所属运行帕累托前沿上的候选方案。</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Minimum accuracy; 0 shows every accuracy.</source>
        <translation>最低准确率；0 表示显示所有准确率。</translation>
    </message>
    <message>
        <source>Minimum frames per second; 0 shows every throughput.</source>
        <translation>最低每秒帧数；0 表示显示所有吞吐量。</translation>
    </message>
    <message>
        <source> µJ</source>
        <translation> µJ</translation>
    </message>
    <message>
        <source>Maximum energy per inference; 0 means no limit.</source>
        <translation>单次推理的最大能耗；0 表示不限。</translation>
    </message>
    <message>
        <source>Genotype contains…</source>
        <translation>基因型包含…</translation>
    </message>
    <message>
        <source>Show candidates whose genotype contains this text, e.g. k5e6 or skip,skip.</source>
        <translation>显示基因型包含此文本的候选方案，例如 k5e6 或 skip,skip。</translation>
    </message>
    <message>
        <source>&amp;Accuracy ≥</source>
        <translation>准确率(&amp;A) ≥</translation>
    </message>
    <message>
        <source>&amp;FPS ≥</source>
        <translation>&amp;FPS ≥</translation>
    </message>
    <message>
        <source>&amp;Energy ≤</source>
        <translation>能耗(&amp;E) ≤</translation>
    </message>
    <message>
        <source>Candidates: %1</source>
        <translation>候选方案：%1</translation>
    </message>
    <message>
        <source>Shown: %1 of %2</source>
        <translation>已显示：%1 / %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>older estimate (epoch %1)</source>
        <translation>较早的估计（第 %1 轮）</translation>
    </message>
</context>
<context>
    <name>dna::widgets::DesignCompare</name>
    <message>
        <source>The design of candidate %1 is not valid JSON.</source>
        <translation>候选方案 %1 的设计不是有效的 JSON。</translation>
    </message>
    <message>
        <source>The design of candidate %1 cannot be shown: %2</source>
        <translation>无法显示候选方案 %1 的设计：%2</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>Select two candidates to compare them layer by layer</source>
        <translation>选择两个候选方案以逐层比较</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>延迟（ms）</translation>
    </message>
    <message>
        <source>Energy (µJ)</source>
        <translation>能耗（µJ）</translation>
    </message>
    <message>
        <source>%1 &lt;b&gt;A&lt;/b&gt; %2: %3 FPS, %4 ms, %5 µJ&lt;br&gt;%6 &lt;b&gt;B&lt;/b&gt; %7: %8 FPS, %9 ms, %10 µJ</source>
        <translation>%1 &lt;b&gt;A&lt;/b&gt; %2：%3 FPS，%4 ms，%5 µJ&lt;br&gt;%6 &lt;b&gt;B&lt;/b&gt; %7：%8 FPS，%9 ms，%10 µJ</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Latency A (µs)</source>
        <translation>延迟 A（µs）</translation>
    </message>
    <message>
        <source>Latency A (ms)</source>
        <translation>延迟 A（ms）</translation>
    </message>
    <message>
        <source>Latency B (µs)</source>
        <translation>延迟 B（µs）</translation>
    </message>
    <message>
        <source>Latency B (ms)</source>
        <translation>延迟 B（ms）</translation>
    </message>
    <message>
        <source>B/A</source>
        <translation>B/A</translation>
    </message>
    <message>
        <source>Energy A (µJ)</source>
        <translation>能耗 A（µJ）</translation>
    </message>
    <message>
        <source>Energy B (µJ)</source>
        <translation>能耗 B（µJ）</translation>
    </message>
    <message>
        <source>Latency of B divided by latency of A</source>
        <translation>B 的延迟除以 A 的延迟</translation>
    </message>
    <message>
        <source>Energy of B divided by energy of A</source>
        <translation>B 的能耗除以 A 的能耗</translation>
    </message>
    <message>
        <source>Energy per inference</source>
        <translation>单次推理能耗</translation>
    </message>
    <message>
        <source>The layers differ in shape: A %1, B %2</source>
        <translation>两层的形状不同：A 为 %1，B 为 %2</translation>
    </message>
    <message>
        <source>no layer</source>
        <translation>无此层</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>A %1</source>
        <translation>A %1</translation>
    </message>
    <message>
        <source>B %1</source>
        <translation>B %1</translation>
    </message>
    <message>
        <source>Latency (µs)</source>
        <translation>延迟（µs）</translation>
    </message>
</context>
<context>
    <name>dna::widgets::LayerMappingModel</name>
    <message>
        <source>E%1 · chunk %2</source>
        <translation>E%1 · 段 %2</translation>
    </message>
    <message>
        <source>conv</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>depthwise</source>
        <translation>深度卷积</translation>
    </message>
    <message>
        <source>fc</source>
        <translation>全连接</translation>
    </message>
    <message>
        <source>compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>GB</translation>
    </message>
    <message>
        <source>DRAM</source>
        <translation>DRAM</translation>
    </message>
    <message>
        <source>N %1, G %2, K %3, C %4, Y %5, X %6, R %7, S %8; stride %9×%10; %11 MMACs</source>
        <translation>N %1，G %2，K %3，C %4，Y %5，X %6，R %7，S %8；步长 %9×%10；%11 MMAC</translation>
    </message>
    <message>
        <source>compute %1, global buffer %2, DRAM %3 cycles</source>
        <translation>周期数：计算 %1，全局缓冲区 %2，DRAM %3</translation>
    </message>
    <message>
        <source>µJ</source>
        <translation>µJ</translation>
    </message>
    <message>
        <source>nJ</source>
        <translation>nJ</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Dataflow</source>
        <translation>数据流</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Cols</source>
        <translation>列</translation>
    </message>
    <message>
        <source>RF tile</source>
        <translation>RF 分块</translation>
    </message>
    <message>
        <source>GB loops</source>
        <translation>GB 循环</translation>
    </message>
    <message>
        <source>DRAM loops</source>
        <translation>DRAM 循环</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>循环顺序</translation>
    </message>
    <message>
        <source>Util</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Cycles</source>
        <translation>周期数</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>MAC %1</source>
        <translation>MAC %1</translation>
    </message>
    <message>
        <source>RF %1</source>
        <translation>RF %1</translation>
    </message>
    <message>
        <source>NoC %1</source>
        <translation>NoC %1</translation>
    </message>
    <message>
        <source>GB %1</source>
        <translation>GB %1</translation>
    </message>
    <message>
        <source>DRAM %1</source>
        <translation>DRAM %1</translation>
    </message>
    <message>
        <source>Energy %1</source>
        <translation>能耗 %1</translation>
    </message>
    <message>
        <source>Bound</source>
        <translation>瓶颈</translation>
    </message>
    <message>
        <source>Layer name in the network</source>
        <translation>网络中的层名称</translation>
    </message>
    <message>
        <source>conv, depthwise or fully connected (fc)</source>
        <translation>卷积（conv）、深度卷积（depthwise）或全连接（fc）</translation>
    </message>
    <message>
        <source>K output and C input channels (per group), Y×X output map, R×S filter, stride s, groups g; a depthwise layer shows its G channels</source>
        <translation>K 个输出通道和 C 个输入通道（每组），Y×X 输出特征图，R×S 滤波器，步长 s，分组数 g；深度卷积层显示其 G 个通道</translation>
    </message>
    <message>
        <source>The engine (sub-accelerator) that runs the layer, and its chunk of consecutive layers</source>
        <translation>运行该层的引擎（子加速器），以及该引擎负责的连续层段</translation>
    </message>
    <message>
        <source>The engine&apos;s spatial-unrolling template</source>
        <translation>引擎的空间展开模板</translation>
    </message>
    <message>
        <source>Dimensions unrolled over the PE rows, with their factors</source>
        <translation>在 PE 行上展开的维度及其因子</translation>
    </message>
    <message>
        <source>Dimensions unrolled over the PE columns, with their factors</source>
        <translation>在 PE 列上展开的维度及其因子</translation>
    </message>
    <message>
        <source>Temporal loops inside each PE&apos;s register file (non-unit factors)</source>
        <translation>每个 PE 寄存器文件内的时间循环（仅列出因子不为 1 的循环）</translation>
    </message>
    <message>
        <source>Temporal loops over tiles held in the global buffer</source>
        <translation>遍历全局缓冲区中所存分块的时间循环</translation>
    </message>
    <message>
        <source>Temporal loops over tiles fetched from DRAM</source>
        <translation>遍历从 DRAM 读取的分块的时间循环</translation>
    </message>
    <message>
        <source>Loop order per level, outermost first: DRAM | GB | RF (only loops with more than one iteration)</source>
        <translation>各存储层级的循环顺序，由外到内：DRAM | GB | RF（仅列出迭代次数大于 1 的循环）</translation>
    </message>
    <message>
        <source>MACs divided by compute cycles × the engine&apos;s PEs</source>
        <translation>MAC 数除以（计算周期数 × 引擎的 PE 数）</translation>
    </message>
    <message>
        <source>Cycles of the layer per batch: the largest of compute, GB and DRAM cycles with double buffering, their sum without</source>
        <translation>该层每批次的周期数：使用双缓冲时取计算、GB 和 DRAM 周期数中的最大值，否则取三者之和</translation>
    </message>
    <message>
        <source>This layer&apos;s share of the network&apos;s latency</source>
        <translation>该层在网络总延迟中所占的比例</translation>
    </message>
    <message>
        <source>Energy per batch spent in this component, in %1</source>
        <translation>每批次在此组件上消耗的能量，单位 %1</translation>
    </message>
    <message>
        <source>Energy of the layer per batch, in %1</source>
        <translation>该层每批次的能耗，单位 %1</translation>
    </message>
    <message>
        <source>What limits the layer&apos;s cycles: compute, global-buffer bandwidth (GB) or DRAM bandwidth</source>
        <translation>限制该层周期数的因素：计算、全局缓冲区带宽（GB）或 DRAM 带宽</translation>
    </message>
</context>
<context>
    <name>dna::widgets::MappingInspector</name>
    <message>
        <source>%1 (no limit)</source>
        <translation>%1（无上限）</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>各层</translation>
    </message>
    <message>
        <source>Energy per batch</source>
        <translation>每批次能耗</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <source>RF</source>
        <translation>RF</translation>
    </message>
    <message>
        <source>NoC</source>
        <translation>NoC</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>GB</translation>
    </message>
    <message>
        <source>DRAM</source>
        <translation>DRAM</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>能耗</translation>
    </message>
    <message>
        <source>compute-bound</source>
        <translation>计算受限</translation>
    </message>
    <message>
        <source>GB-bound</source>
        <translation>GB 受限</translation>
    </message>
    <message>
        <source>DRAM-bound</source>
        <translation>DRAM 受限</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Select a layer to see its loop nest</source>
        <translation>选择一层以查看其循环嵌套</translation>
    </message>
    <message>
        <source>The design of candidate %1 is not valid JSON.</source>
        <translation>候选方案 %1 的设计不是有效的 JSON。</translation>
    </message>
    <message>
        <source>Candidate %1</source>
        <translation>候选方案 %1</translation>
    </message>
    <message>
        <source>Candidate %1: %2</source>
        <translation>候选方案 %1：%2</translation>
    </message>
    <message>
        <source>The design of candidate %1 cannot be shown: %2</source>
        <translation>无法显示候选方案 %1 的设计：%2</translation>
    </message>
    <message>
        <source>Select a candidate to see how each layer is mapped</source>
        <translation>选择一个候选方案以查看各层的映射方式</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; at %2 MHz, %3, batch %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;，%2 MHz，%3，批大小 %4</translation>
    </message>
    <message>
        <source>layer pipeline</source>
        <translation>层流水线</translation>
    </message>
    <message>
        <source>one layer at a time</source>
        <translation>逐层执行</translation>
    </message>
    <message>
        <source>W %1, I %2, O %3</source>
        <translation>W %1，I %2，O %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;E%1&lt;/b&gt; %2×%3 PEs, %4, GB %5, RF %6/PE, NoC %7; layers %8</source>
        <translation>&lt;b&gt;E%1&lt;/b&gt; %2×%3 PE，%4，GB %5，RF %6/PE，NoC %7；层 %8</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>DSP %1 · BRAM18 %2</source>
        <translation>DSP %1 · BRAM18 %2</translation>
    </message>
    <message>
        <source>Area %1 mm² · PEs %2</source>
        <translation>面积 %1 mm² · PE %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 FPS&lt;/b&gt; · latency %2 ms · energy %3 µJ per inference</source>
        <translation>&lt;b&gt;%1 FPS&lt;/b&gt; · 延迟 %2 ms · 单次推理能耗 %3 µJ</translation>
    </message>
    <message>
        <source>The cost model rejects this design (%1): %2</source>
        <translation>成本模型拒绝了此设计（%1）：%2</translation>
    </message>
    <message>
        <source>µJ</source>
        <translation>µJ</translation>
    </message>
    <message>
        <source>nJ</source>
        <translation>nJ</translation>
    </message>
    <message>
        <source>Latency (µs)</source>
        <translation>延迟（µs）</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>延迟（ms）</translation>
    </message>
    <message>
        <source>Energy per batch (%1)</source>
        <translation>每批次能耗（%1）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;%3 cycles (%4 of latency), %5-bound, %6 utilised&lt;br&gt;energy %7 %8: MAC %9, RF %10, NoC %11, GB %12, DRAM %13</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;%3 个周期（占延迟的 %4），受限于 %5，利用率 %6&lt;br&gt;能耗 %7 %8：MAC %9，RF %10，NoC %11，GB %12，DRAM %13</translation>
    </message>
    <message>
        <source>The store recorded other figures for this design than this build&apos;s cost model gives (a store written by another version?); shown are this build&apos;s. First difference: %1</source>
        <translation>存储中记录的该设计数值与本版本成本模型的结果不同（可能由其他版本写入）；此处显示本版本的数值。第一处差异：%1</translation>
    </message>
</context>
<context>
    <name>dna::widgets::ParetoPlot</name>
    <message>
        <source>Accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <source>No candidates yet: start a search</source>
        <translation>尚无候选方案：请开始搜索</translation>
    </message>
    <message>
        <source>Invalid designs</source>
        <translation>无效设计</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>min %1 FPS</source>
        <translation>最低 %1 FPS</translation>
    </message>
    <message>
        <source>max %1 ms</source>
        <translation>最高 %1 ms</translation>
    </message>
    <message>
        <source>max %1 µJ</source>
        <translation>最高 %1 µJ</translation>
    </message>
    <message>
        <source>Cannot export to &apos;%1&apos;: the file name must end in .png or .pdf.</source>
        <translation>无法导出到“%1”：文件名必须以 .png 或 .pdf 结尾。</translation>
    </message>
    <message>
        <source>Could not write &apos;%1&apos;.</source>
        <translation>无法写入“%1”。</translation>
    </message>
    <message>
        <source>Candidate %1</source>
        <translation>候选方案 %1</translation>
    </message>
    <message>
        <source>retrained</source>
        <translation>重新训练</translation>
    </message>
    <message>
        <source>supernet estimate</source>
        <translation>超网络估计</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>%1 % (%2)</source>
        <translation>%1 %（%2）</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>%1 FPS</source>
        <translation>%1 FPS</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>能耗</translation>
    </message>
    <message>
        <source>%1 µJ</source>
        <translation>%1 µJ</translation>
    </message>
    <message>
        <source>EDP</source>
        <translation>EDP</translation>
    </message>
    <message>
        <source>%1 µJ·ms</source>
        <translation>%1 µJ·ms</translation>
    </message>
    <message>
        <source>DSP / BRAM18</source>
        <translation>DSP / BRAM18</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <source>%1 mm²</source>
        <translation>%1 mm²</translation>
    </message>
    <message>
        <source>Invalid design: it does not fit the platform</source>
        <translation>无效设计：超出平台的资源限制</translation>
    </message>
    <message>
        <source>On the Pareto front</source>
        <translation>位于帕累托前沿上</translation>
    </message>
    <message>
        <source>Trained from scratch</source>
        <translation>从头训练</translation>
    </message>
    <message>
        <source>supernet estimate, weights of epoch %1</source>
        <translation>超网估计，第 %1 轮权重</translation>
    </message>
    <message>
        <source>Older estimates</source>
        <translation>较早的估计</translation>
    </message>
</context>
<context>
    <name>dna::widgets::RunsBrowser</name>
    <message>
        <source>Rename run to “%1”</source>
        <translation>将运行重命名为“%1”</translation>
    </message>
    <message>
        <source>Delete run %1</source>
        <translation>删除运行 %1</translation>
    </message>
    <message>
        <source>Delete %1 runs</source>
        <translation>删除 %1 个运行</translation>
    </message>
    <message>
        <source>The store could not be changed: %1</source>
        <translation>无法修改运行记录库：%1</translation>
    </message>
    <message>
        <source>Filter runs (name, state, platform, objective…)</source>
        <translation>筛选运行（名称、状态、平台、优化目标…）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show the selected run&apos;s candidates (or double-click a run)</source>
        <translation>显示所选运行的候选方案（也可双击运行）</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Compare the fronts of two or more selected runs</source>
        <translation>比较所选的两个或多个运行的帕累托前沿</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Rename the selected run (F2)</source>
        <translation>重命名所选运行（F2）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected runs (Del; Undo brings them back)</source>
        <translation>删除所选运行（Del；可通过撤销恢复）</translation>
    </message>
    <message>
        <source>No run store is open.</source>
        <translation>未打开运行记录库。</translation>
    </message>
    <message>
        <source>No runs in this store yet. A run appears here as soon as a search starts.</source>
        <translation>此运行记录库中还没有运行。搜索一开始，运行就会显示在这里。</translation>
    </message>
    <message>
        <source>“%1” is still running and was not deleted. Stop its search first.</source>
        <translation>“%1”仍在运行，未被删除。请先停止其搜索。</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Runs written elsewhere</source>
        <translation>在别处写入的运行</translation>
    </message>
    <message>
        <source>“%1” was written by a program on %2, not by this window. %3 it anyway? Everyone who uses this store will see the change.</source>
        <translation>“%1”由 %2 上的程序写入，而不是此窗口。仍要%3吗？使用此存储的所有人都会看到此更改。</translation>
    </message>
</context>
<context>
    <name>dna::widgets::RunsModel</name>
    <message>
        <source>%1 DSP</source>
        <translation>%1 DSP</translation>
    </message>
    <message>
        <source>%1 BRAM18</source>
        <translation>%1 BRAM18</translation>
    </message>
    <message>
        <source>%1 PEs</source>
        <translation>%1 PE</translation>
    </message>
    <message>
        <source>%1 KiB buffer</source>
        <translation>%1 KiB 缓冲区</translation>
    </message>
    <message>
        <source>%1 mm²</source>
        <translation>%1 mm²</translation>
    </message>
    <message>
        <source>≥ %1 FPS</source>
        <translation>≥ %1 FPS</translation>
    </message>
    <message>
        <source>≤ %1 FPS</source>
        <translation>≤ %1 FPS</translation>
    </message>
    <message>
        <source>≤ %1 µJ</source>
        <translation>≤ %1 µJ</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 µJ</source>
        <translation>%1 µJ</translation>
    </message>
    <message>
        <source>%1 µJ·ms</source>
        <translation>%1 µJ·ms</translation>
    </message>
    <message>
        <source>%1 FPS</source>
        <translation>%1 FPS</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Best %1 among the run&apos;s Pareto-optimal candidates</source>
        <translation>该运行的帕累托最优候选方案中最佳的 %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>优化目标</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>候选方案</translation>
    </message>
    <message>
        <source>Best accuracy</source>
        <translation>最佳准确率</translation>
    </message>
    <message>
        <source>Best on front</source>
        <translation>前沿最佳值</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>另一个程序</translation>
    </message>
    <message>
        <source>Written by another program</source>
        <translation>由另一个程序写入</translation>
    </message>
    <message>
        <source>Written by a program on %1</source>
        <translation>由 %1 上的程序写入</translation>
    </message>
</context>
<context>
    <name>dna::widgets::SliderField</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>dna::widgets::SweepsView</name>
    <message>
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>运行于</translation>
    </message>
    <message>
        <source>Sweeps of this store (dna-cli sweep). Select one to show its runs, coloured by a grid axis</source>
        <translation>此记录库中的扫描（dna-cli sweep）。选择一个以显示其运行，按网格轴着色</translation>
    </message>
    <message>
        <source>The grid axis the runs are coloured by and the summary plots against</source>
        <translation>运行据以着色、汇总图据以绘制的网格轴</translation>
    </message>
    <message>
        <source>Best FPS, accuracy at least</source>
        <translation>最佳 FPS，准确率至少</translation>
    </message>
    <message>
        <source>Best accuracy, FPS at least</source>
        <translation>最佳准确率，FPS 至少</translation>
    </message>
    <message>
        <source>No sweeps in this store. Run one with dna-cli sweep (see the README, &quot;Running on a cluster&quot;).</source>
        <translation>此记录库中没有扫描。可用 dna-cli sweep 运行一个（见 README 的 &quot;Running on a cluster&quot;）。</translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation>着色依据</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source> FPS</source>
        <translation> FPS</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 of %2 complete</source>
        <translation>已完成 %1 / %2</translation>
    </message>
    <message>
        <source>Slurm job %1</source>
        <translation>Slurm 作业 %1</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Best FPS</source>
        <translation>最佳 FPS</translation>
    </message>
    <message>
        <source>Best accuracy (%)</source>
        <translation>最佳准确率（%）</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Explore neural network and accelerator designs found by differentiable co-search (DNA).</source>
        <translation>探索由可微分协同搜索（DNA）找到的神经网络与加速器设计。</translation>
    </message>
    <message>
        <source>Run store (SQLite file) to open.</source>
        <translation>要打开的运行记录库（SQLite 文件）。</translation>
    </message>
    <message>
        <source>Start a co-search with the saved budget as soon as the window opens.</source>
        <translation>窗口打开后立即按已保存的预算开始协同搜索。</translation>
    </message>
    <message numerus="yes">
        <source>dna-explorer: opening %1; one run store at a time, %n other file(s) ignored</source>
        <translation>
            <numerusform>dna-explorer：打开 %1；一次只能打开一个运行记录库，已忽略其余 %n 个文件</numerusform>
        </translation>
    </message>
</context>
</TS>
