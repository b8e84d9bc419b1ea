<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>dna::app::MainWindow</name>
    <message>
        <source>DNA Explorer</source>
        <translation>DNA 探索器</translation>
    </message>
    <message>
        <source>Run store: %1</source>
        <translation>运行记录库：%1</translation>
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
        <source>The target platform, its resource budgets and the trade-off between accuracy and speed will be set here.</source>
        <translation>将在此设置目标平台、其资源预算以及精度与速度之间的权衡。</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <source>Stored search runs will be listed here, to reopen and compare them.</source>
        <translation>已保存的搜索运行将在此列出，可重新打开并相互比较。</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>候选方案</translation>
    </message>
    <message>
        <source>Every network and accelerator pair the search evaluates will be listed here.</source>
        <translation>搜索评估过的每一组网络与加速器都将在此列出。</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>The dataflow, tiling and energy of each layer of the selected design will be shown here.</source>
        <translation>将在此显示所选设计每一层的数据流、分块和能耗。</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>网络架构</translation>
    </message>
    <message>
        <source>The operation chosen for each layer of the selected network will be shown here.</source>
        <translation>将在此显示所选网络每一层选用的操作。</translation>
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
</context>
<context>
    <name>dna::widgets::ParetoPlot</name>
    <message>
        <source>Throughput (FPS)</source>
        <translation>吞吐量（FPS）</translation>
    </message>
    <message>
        <source>Accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <source>No candidates yet: start a search</source>
        <translation>尚无候选方案：请开始搜索</translation>
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
</context>
</TS>
