<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>dna::app::MainWindow</name>
    <message>
        <source>DNA Explorer</source>
        <translation>DNA-Explorer</translation>
    </message>
    <message>
        <source>Run store: %1</source>
        <translation>Lauf-Datenbank: %1</translation>
    </message>
    <message>
        <source>Searches a neural network and the accelerator that runs it together, as proposed in %1, and shows the trade-off between accuracy and speed.</source>
        <translation>Sucht ein neuronales Netz gemeinsam mit dem Beschleuniger, der es ausführt, wie in %1 vorgeschlagen, und zeigt die Abwägung zwischen Genauigkeit und Geschwindigkeit.</translation>
    </message>
    <message>
        <source>Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later).</source>
        <translation>Lizenz: GNU General Public License, Version 3 oder neuer (GPL-3.0-or-later).</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Erstellt mit Qt %1, läuft unter Qt %2.</translation>
    </message>
    <message>
        <source>About DNA Explorer</source>
        <translation>Über DNA-Explorer</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>The target platform, its resource budgets and the trade-off between accuracy and speed will be set here.</source>
        <translation>Hier werden die Zielplattform, ihre Ressourcenbudgets und die Abwägung zwischen Genauigkeit und Geschwindigkeit eingestellt.</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Stored search runs will be listed here, to reopen and compare them.</source>
        <translation>Hier werden gespeicherte Suchläufe aufgelistet, um sie erneut zu öffnen und zu vergleichen.</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Kandidaten</translation>
    </message>
    <message>
        <source>Every network and accelerator pair the search evaluates will be listed here.</source>
        <translation>Hier wird jedes Paar aus Netz und Beschleuniger aufgelistet, das die Suche bewertet.</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Mapping</translation>
    </message>
    <message>
        <source>The dataflow, tiling and energy of each layer of the selected design will be shown here.</source>
        <translation>Hier werden Datenfluss, Kachelung und Energie jeder Schicht des gewählten Entwurfs angezeigt.</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>The operation chosen for each layer of the selected network will be shown here.</source>
        <translation>Hier wird die für jede Schicht des gewählten Netzes ausgewählte Operation angezeigt.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About DNA Explorer</source>
        <translation>&amp;Über DNA-Explorer</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
</context>
<context>
    <name>dna::widgets::ParetoPlot</name>
    <message>
        <source>Throughput (FPS)</source>
        <translation>Durchsatz (FPS)</translation>
    </message>
    <message>
        <source>Accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <source>No candidates yet: start a search</source>
        <translation>Noch keine Kandidaten: Starten Sie eine Suche</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Explore neural network and accelerator designs found by differentiable co-search (DNA).</source>
        <translation>Entwürfe aus neuronalem Netz und Beschleuniger erkunden, die die differenzierbare Co-Suche (DNA) gefunden hat.</translation>
    </message>
    <message>
        <source>Run store (SQLite file) to open.</source>
        <translation>Zu öffnende Lauf-Datenbank (SQLite-Datei).</translation>
    </message>
</context>
</TS>
