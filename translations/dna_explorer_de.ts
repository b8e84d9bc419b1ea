<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DesignExport</name>
    <message>
        <source>Candidate %1 is not in the store %2.</source>
        <translation>Kandidat %1 ist nicht in der Datenbank %2.</translation>
    </message>
    <message>
        <source>No candidates are selected; select some in the plot or the table.</source>
        <translation>Keine Kandidaten ausgewählt; wählen Sie welche im Diagramm oder in der Tabelle aus.</translation>
    </message>
    <message>
        <source>Cannot create the folder “%1”.</source>
        <translation>Der Ordner „%1“ kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Candidate %1 has no trained weights: only retrained designs keep them (the final networks of a “paper” preset search).</source>
        <translation>Kandidat %1 hat keine trainierten Gewichte: Nur nachtrainierte Entwürfe behalten sie (die finalen Netze einer Suche mit dem Preset „paper“).</translation>
    </message>
    <message>
        <source>The trained weights of candidate %1 are gone: “%2” no longer exists.</source>
        <translation>Die trainierten Gewichte von Kandidat %1 fehlen: „%2“ existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation>„%1“ kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Change budget</source>
        <translation>Budget ändern</translation>
    </message>
</context>
<context>
    <name>dna::app::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>Was exportiert wird</translation>
    </message>
    <message>
        <source>Design files (JSON: network, platform, accelerator, mappings)</source>
        <translation>Entwurfsdateien (JSON: Netz, Plattform, Beschleuniger, Mappings)</translation>
    </message>
    <message>
        <source>Timeloop inputs (YAML, one file per layer)</source>
        <translation>Timeloop-Eingaben (YAML, eine Datei pro Schicht)</translation>
    </message>
    <message>
        <source>Candidates table as CSV (the rows shown)</source>
        <translation>Kandidatentabelle als CSV (die angezeigten Zeilen)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>The table shows 1 candidate.</source>
        <translation>Die Tabelle zeigt 1 Kandidaten.</translation>
    </message>
    <message>
        <source>The table shows %1 candidates.</source>
        <translation>Die Tabelle zeigt %1 Kandidaten.</translation>
    </message>
    <message>
        <source>No candidates are selected: select some in the plot or the table to export their designs.</source>
        <translation>Keine Kandidaten ausgewählt: Wählen Sie welche im Diagramm oder in der Tabelle aus, um ihre Entwürfe zu exportieren.</translation>
    </message>
    <message>
        <source>1 candidate selected.</source>
        <translation>1 Kandidat ausgewählt.</translation>
    </message>
    <message>
        <source>%1 candidates selected.</source>
        <translation>%1 Kandidaten ausgewählt.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Export the table as CSV</source>
        <translation>Tabelle als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation>In Ordner exportieren</translation>
    </message>
    <message>
        <source>Choose where to export to.</source>
        <translation>Wählen Sie das Exportziel.</translation>
    </message>
    <message>
        <source>This export is not available.</source>
        <translation>Dieser Export ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Cannot create the folder of “%1”.</source>
        <translation>Der Ordner für „%1“ kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Trained weights (LibTorch files of retrained designs)</source>
        <translation>Trainierte Gewichte (LibTorch-Dateien nachtrainierter Entwürfe)</translation>
    </message>
    <message>
        <source>Trained weights: select retrained candidates to export their weights.</source>
        <translation>Trainierte Gewichte: Wählen Sie nachtrainierte Kandidaten aus, um ihre Gewichte zu exportieren.</translation>
    </message>
    <message>
        <source>Only retrained designs keep their weights: the final networks of a “paper” preset search (here or “dna-cli search --preset paper”). “dna-cli train --genotype … --checkpoint FILE” trains any genotype.</source>
        <translation>Nur nachtrainierte Entwürfe behalten ihre Gewichte: die finalen Netze einer Suche mit dem Preset „paper“ (hier oder mit „dna-cli search --preset paper“). „dna-cli train --genotype … --checkpoint DATEI“ trainiert jeden Genotyp.</translation>
    </message>
    <message>
        <source>Trained weights: the selected candidate has none.</source>
        <translation>Trainierte Gewichte: Der ausgewählte Kandidat hat keine.</translation>
    </message>
    <message>
        <source>Trained weights: none of the selected candidates has them.</source>
        <translation>Trainierte Gewichte: Keiner der ausgewählten Kandidaten hat welche.</translation>
    </message>
    <message>
        <source>Trained weights: not available for candidate %1.</source>
        <translation>Trainierte Gewichte: für Kandidat %1 nicht verfügbar.</translation>
    </message>
    <message>
        <source>Trained weights: not available for candidates %1.</source>
        <translation>Trainierte Gewichte: für die Kandidaten %1 nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>dna::app::MainWindow</name>
    <message>
        <source>DNA Explorer</source>
        <translation>DNA-Explorer</translation>
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
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Kandidaten</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Mapping</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
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
    <message>
        <source>Export plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Plot written to %1</source>
        <translation>Diagramm nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Compare two</source>
        <translation>Zwei vergleichen</translation>
    </message>
    <message>
        <source>Select two candidates (Ctrl+click) to compare them layer by layer</source>
        <translation>Zwei Kandidaten auswählen (Strg+Klick), um sie Schicht für Schicht zu vergleichen</translation>
    </message>
    <message>
        <source>&amp;Open Run Store…</source>
        <translation>Lauf-Datenbank ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Export Selected…</source>
        <translation>Auswahl &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;Plot…</source>
        <translation>&amp;Diagramm exportieren…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suche</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Reset &amp;Zoom</source>
        <translation>&amp;Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop the search; the candidates found so far are kept</source>
        <translation>Suche anhalten; die bisher gefundenen Kandidaten bleiben erhalten</translation>
    </message>
    <message>
        <source>Open run store</source>
        <translation>Lauf-Datenbank öffnen</translation>
    </message>
    <message>
        <source>Run stores (*.sqlite *.db);;All files (*)</source>
        <translation>Lauf-Datenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Stop the running search before opening another run store.</source>
        <translation>Halten Sie die laufende Suche an, bevor Sie eine andere Lauf-Datenbank öffnen.</translation>
    </message>
    <message>
        <source>Cannot open the run store %1: %2. The file was left as it is.</source>
        <translation>Die Lauf-Datenbank %1 kann nicht geöffnet werden: %2. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Run store: %1%2</source>
        <translation>Lauf-Datenbank: %1%2</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Another program is writing to %1, so it is open read-only: you can browse its runs but not start a search in it.</source>
        <translation>Ein anderes Programm schreibt in %1, daher ist die Datenbank schreibgeschützt geöffnet: Die Läufe lassen sich ansehen, aber es kann keine Suche darin gestartet werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) left running by a program that stopped were marked interrupted; their candidates are kept.</source>
        <translation>
            <numerusform>%n Lauf eines beendeten Programms lief noch und wurde als unterbrochen markiert; seine Kandidaten bleiben erhalten.</numerusform>
            <numerusform>%n Läufe eines beendeten Programms liefen noch und wurden als unterbrochen markiert; ihre Kandidaten bleiben erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 DSP, %2 BRAM18</source>
        <translation>%1 DSP, %2 BRAM18</translation>
    </message>
    <message>
        <source>%1 PEs, %2 KiB</source>
        <translation>%1 PEs, %2 KiB</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)</source>
        <translation>%1 auf %2 (%3)</translation>
    </message>
    <message>
        <source>, ≥ %1 FPS</source>
        <translation>, ≥ %1 FPS</translation>
    </message>
    <message>
        <source>, ≤ %1 µJ</source>
        <translation>, ≤ %1 µJ</translation>
    </message>
    <message>
        <source>This run store is open read-only (another program writes it): open another store with File &gt; Open to search.</source>
        <translation>Diese Lauf-Datenbank ist schreibgeschützt geöffnet (ein anderes Programm schreibt darin): Öffnen Sie zum Suchen eine andere über Datei &gt; Lauf-Datenbank öffnen.</translation>
    </message>
    <message>
        <source>No run store is open: choose one with File &gt; Open.</source>
        <translation>Keine Lauf-Datenbank geöffnet: Wählen Sie eine über Datei &gt; Lauf-Datenbank öffnen.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>Budget changed: start a search (Ctrl+R) to search under it.</source>
        <translation>Budget geändert: Starten Sie eine Suche (Strg+R), um damit zu suchen.</translation>
    </message>
    <message>
        <source>Starting run %1…</source>
        <translation>Lauf %1 wird gestartet…</translation>
    </message>
    <message>
        <source>Epoch %1: derived %2, %3 % (shared weights), %4 FPS</source>
        <translation>Epoche %1: abgeleitet %2, %3 % (geteilte Gewichte), %4 FPS</translation>
    </message>
    <message numerus="yes">
        <source>Run %1 · %2 · epoch %3/%4 · loss %5 · λ %6 · %n candidate(s) · ETA %7</source>
        <translation>
            <numerusform>Lauf %1 · %2 · Epoche %3/%4 · Loss %5 · λ %6 · %n Kandidat · Restzeit %7</numerusform>
            <numerusform>Lauf %1 · %2 · Epoche %3/%4 · Loss %5 · λ %6 · %n Kandidaten · Restzeit %7</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1 failed: %2</source>
        <translation>Lauf %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Run %1 complete.</source>
        <translation>Lauf %1 abgeschlossen.</translation>
    </message>
    <message>
        <source>Run %1 stopped; its candidates are kept.</source>
        <translation>Lauf %1 angehalten; seine Kandidaten bleiben erhalten.</translation>
    </message>
    <message>
        <source>Run %1 failed.</source>
        <translation>Lauf %1 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>&amp;Train from Scratch…</source>
        <translation>Von Grund auf &amp;trainieren…</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Train the selected networks from scratch to check their estimates</source>
        <translation>Die ausgewählten Netze von Grund auf trainieren, um ihre Schätzungen zu prüfen</translation>
    </message>
    <message>
        <source>Stop training</source>
        <translation>Training anhalten</translation>
    </message>
    <message>
        <source>Stop the training; the candidates keep their estimates</source>
        <translation>Training anhalten; die Kandidaten behalten ihre Schätzungen</translation>
    </message>
    <message>
        <source>Stop the training before opening another run store.</source>
        <translation>Halten Sie das Training an, bevor Sie eine andere Lauf-Datenbank öffnen.</translation>
    </message>
    <message>
        <source>Run %1 started: the supernet trains its first epoch; the first candidates appear when it ends</source>
        <translation>Lauf %1 gestartet: Das Supernetz trainiert seine erste Epoche; die ersten Kandidaten erscheinen, wenn sie endet</translation>
    </message>
    <message>
        <source>Search running: the probabilities appear here after each epoch</source>
        <translation>Suche läuft: Die Wahrscheinlichkeiten erscheinen hier nach jeder Epoche</translation>
    </message>
    <message>
        <source>Run %1, %2 of epoch 1 (%3): the first candidates appear when it ends, in about %4</source>
        <translation>Lauf %1, %2 von Epoche 1 (%3): Die ersten Kandidaten erscheinen, wenn sie endet, in etwa %4</translation>
    </message>
    <message>
        <source>Training candidate %1 (%2 of %3), sharing the cores with the search</source>
        <translation>Trainiere Kandidat %1 (%2 von %3), teilt sich die Kerne mit der Suche</translation>
    </message>
    <message>
        <source>Training candidate %1 (%2 of %3)</source>
        <translation>Trainiere Kandidat %1 (%2 von %3)</translation>
    </message>
    <message numerus="yes">
        <source>Candidate %1 trained from scratch for %n epoch(s): %2 % on the test images</source>
        <translation>
            <numerusform>Kandidat %1 von Grund auf %n Epoche lang trainiert: %2 % auf den Testbildern</numerusform>
            <numerusform>Kandidat %1 von Grund auf %n Epochen lang trainiert: %2 % auf den Testbildern</numerusform>
        </translation>
    </message>
    <message>
        <source>Recording the training of candidate %1 failed: %2</source>
        <translation>Das Speichern des Trainings von Kandidat %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Training candidate %1 failed: %2</source>
        <translation>Training von Kandidat %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Training of candidate %1 stopped; it keeps its estimate</source>
        <translation>Training von Kandidat %1 angehalten; er behält seine Schätzung</translation>
    </message>
    <message>
        <source>Train from Scratch</source>
        <translation>Von Grund auf trainieren</translation>
    </message>
    <message numerus="yes">
        <source>%n selected network(s) will be trained from scratch, one after another, on the training images, and tested on the test images. The result is stored beside the estimate and drawn as a diamond joined to it; the front keeps comparing estimates.</source>
        <translation>
            <numerusform>%n ausgewähltes Netz wird von Grund auf auf den Trainingsbildern trainiert und auf den Testbildern getestet. Das Ergebnis wird neben der Schätzung gespeichert und als damit verbundene Raute gezeichnet; die Front vergleicht weiterhin Schätzungen.</numerusform>
            <numerusform>%n ausgewählte Netze werden nacheinander von Grund auf auf den Trainingsbildern trainiert und auf den Testbildern getestet. Die Ergebnisse werden neben den Schätzungen gespeichert und als damit verbundene Rauten gezeichnet; die Front vergleicht weiterhin Schätzungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>A search is running. The training will share the processor with it, so both take longer (about twice as long on two cores). Stop the search first to train at full speed.</source>
        <translation>Eine Suche läuft. Das Training teilt sich den Prozessor mit ihr, daher dauern beide länger (auf zwei Kernen etwa doppelt so lange). Halten Sie zuerst die Suche an, um mit voller Geschwindigkeit zu trainieren.</translation>
    </message>
    <message>
        <source>A 4-epoch training takes about 2 to 5 minutes per network on two cores. A search started meanwhile shares the processor with it.</source>
        <translation>Ein Training über 4 Epochen dauert auf zwei Kernen etwa 2 bis 5 Minuten pro Netz. Eine in der Zwischenzeit gestartete Suche teilt sich den Prozessor damit.</translation>
    </message>
    <message>
        <source>Passes over the training images (the co-search ablation uses 4)</source>
        <translation>Durchläufe über die Trainingsbilder (die Co-Search-Ablation verwendet 4)</translation>
    </message>
    <message>
        <source>&amp;Epochs:</source>
        <translation>&amp;Epochen:</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Trainieren</translation>
    </message>
    <message>
        <source>%1 is damaged (SQLite&apos;s check says: %2). It is open read-only and nothing will be written to it: export the designs you need, then restore the file from a backup. `dna-cli store check` lists every problem.</source>
        <translation>%1 ist beschädigt (SQLites Prüfung meldet: %2). Sie ist nur lesend geöffnet, und nichts wird in sie geschrieben: Exportieren Sie die benötigten Entwürfe und stellen Sie die Datei dann aus einer Sicherung wieder her. `dna-cli store check` listet alle Probleme auf.</translation>
    </message>
    <message>
        <source>Sweeps</source>
        <translation>Sweeps</translation>
    </message>
    <message>
        <source>Connect to &amp;Server…</source>
        <translation>Mit &amp;Server verbinden…</translation>
    </message>
    <message>
        <source>Cannot open the run store %1: %2</source>
        <translation>Der Laufspeicher %1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>%1 (a shared server store; other programs&apos; runs appear as they write them)</source>
        <translation>%1 (ein gemeinsamer Server-Speicher; Läufe anderer Programme erscheinen, während sie geschrieben werden)</translation>
    </message>
</context>
<context>
    <name>dna::app::ServerDialog</name>
    <message>
        <source>Connect to Server</source>
        <translation>Mit Server verbinden</translation>
    </message>
    <message>
        <source>A host name or address, or the folder of the server&apos;s unix socket (for example /var/run/postgresql)</source>
        <translation>Ein Hostname oder eine Adresse, oder der Ordner des Unix-Sockets des Servers (zum Beispiel /var/run/postgresql)</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>runs</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>The password comes from ~/.pgpass or the PGPASSWORD variable; it is never saved. Several programs and machines can write runs to the same database at once.</source>
        <translation>Das Passwort kommt aus ~/.pgpass oder der Variablen PGPASSWORD; es wird nie gespeichert. Mehrere Programme und Rechner können gleichzeitig Läufe in dieselbe Datenbank schreiben.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
</context>
<context>
    <name>dna::hwsearch::Objective</name>
    <message>
        <source>Throughput (FPS)</source>
        <translation>Durchsatz (FPS)</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>Energy per inference</source>
        <translation>Energie pro Inferenz</translation>
    </message>
    <message>
        <source>Energy per inference (µJ)</source>
        <translation>Energie pro Inferenz (µJ)</translation>
    </message>
    <message>
        <source>Energy-delay product</source>
        <translation>Energie-Verzögerungs-Produkt</translation>
    </message>
    <message>
        <source>Energy-delay product (µJ·ms)</source>
        <translation>Energie-Verzögerungs-Produkt (µJ·ms)</translation>
    </message>
</context>
<context>
    <name>dna::session::ErrorText</name>
    <message>
        <source>The request is not valid</source>
        <translation>Die Anfrage ist ungültig</translation>
    </message>
    <message>
        <source>A field of the file is not valid</source>
        <translation>Ein Feld der Datei ist ungültig</translation>
    </message>
    <message>
        <source>The path cannot be used</source>
        <translation>Der Pfad ist nicht verwendbar</translation>
    </message>
    <message>
        <source>The file is not valid JSON</source>
        <translation>Die Datei ist kein gültiges JSON</translation>
    </message>
    <message>
        <source>The file does not exist</source>
        <translation>Die Datei existiert nicht</translation>
    </message>
    <message>
        <source>The file or server cannot be opened</source>
        <translation>Die Datei oder der Server kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Reading or writing failed</source>
        <translation>Lesen oder Schreiben ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Writing failed</source>
        <translation>Schreiben ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Unknown network</source>
        <translation>Unbekanntes Netz</translation>
    </message>
    <message>
        <source>Unknown platform</source>
        <translation>Unbekannte Plattform</translation>
    </message>
    <message>
        <source>Unknown search space</source>
        <translation>Unbekannter Suchraum</translation>
    </message>
    <message>
        <source>The genotype is not valid</source>
        <translation>Der Genotyp ist ungültig</translation>
    </message>
    <message>
        <source>A layer is not valid</source>
        <translation>Eine Schicht ist ungültig</translation>
    </message>
    <message>
        <source>The network has no layers</source>
        <translation>Das Netz hat keine Schichten</translation>
    </message>
    <message>
        <source>An engine of the accelerator is not valid</source>
        <translation>Eine Engine des Beschleunigers ist ungültig</translation>
    </message>
    <message>
        <source>The pipeline chunks are not valid</source>
        <translation>Die Pipeline-Abschnitte sind ungültig</translation>
    </message>
    <message>
        <source>The number of engines does not match the pipeline chunks</source>
        <translation>Die Zahl der Engines passt nicht zu den Pipeline-Abschnitten</translation>
    </message>
    <message>
        <source>The design is not valid</source>
        <translation>Der Entwurf ist ungültig</translation>
    </message>
    <message>
        <source>Unknown hardware knob</source>
        <translation>Unbekannter Hardware-Parameter</translation>
    </message>
    <message>
        <source>A fixed knob value is not valid</source>
        <translation>Ein festgelegter Parameterwert ist ungültig</translation>
    </message>
    <message>
        <source>The space is too large for an exhaustive search</source>
        <translation>Der Raum ist zu groß für eine vollständige Suche</translation>
    </message>
    <message>
        <source>No design fits the budget</source>
        <translation>Kein Entwurf passt in das Budget</translation>
    </message>
    <message>
        <source>The dataset is not installed</source>
        <translation>Der Datensatz ist nicht installiert</translation>
    </message>
    <message>
        <source>The dataset is damaged</source>
        <translation>Der Datensatz ist beschädigt</translation>
    </message>
    <message>
        <source>The checkpoint belongs to a different search space</source>
        <translation>Der Checkpoint gehört zu einem anderen Suchraum</translation>
    </message>
    <message>
        <source>The compute device is not available</source>
        <translation>Das Rechengerät ist nicht verfügbar</translation>
    </message>
    <message>
        <source>Training diverged (the loss is not a number)</source>
        <translation>Das Training ist divergiert (der Verlust ist keine Zahl)</translation>
    </message>
    <message>
        <source>LibTorch reported an error</source>
        <translation>LibTorch hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <source>The file is not a run store</source>
        <translation>Die Datei ist keine Lauf-Datenbank</translation>
    </message>
    <message>
        <source>The run store has an older format</source>
        <translation>Die Lauf-Datenbank hat ein älteres Format</translation>
    </message>
    <message>
        <source>The run store was written by a newer version</source>
        <translation>Die Lauf-Datenbank wurde von einer neueren Version geschrieben</translation>
    </message>
    <message>
        <source>Another program is writing the run store</source>
        <translation>Ein anderes Programm schreibt die Lauf-Datenbank</translation>
    </message>
    <message>
        <source>The run store is damaged</source>
        <translation>Die Lauf-Datenbank ist beschädigt</translation>
    </message>
    <message>
        <source>Recording in the run store failed</source>
        <translation>Das Speichern in der Lauf-Datenbank ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The candidate is not in the store</source>
        <translation>Der Kandidat ist nicht in der Datenbank</translation>
    </message>
    <message>
        <source>No candidates are selected</source>
        <translation>Keine Kandidaten ausgewählt</translation>
    </message>
    <message>
        <source>The candidate has no trained weights</source>
        <translation>Der Kandidat hat keine trainierten Gewichte</translation>
    </message>
    <message>
        <source>The file of the trained weights is missing</source>
        <translation>Die Datei der trainierten Gewichte fehlt</translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation>Interner Fehler</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>dna::session::RetrainQueue</name>
    <message>
        <source>the training ended without a result</source>
        <translation>das Training endete ohne Ergebnis</translation>
    </message>
</context>
<context>
    <name>dna::session::RunsPresenter</name>
    <message>
        <source>Lost the run store: %1. What is shown stays; the window reconnects by itself.</source>
        <translation>Verbindung zum Laufspeicher verloren: %1. Das Angezeigte bleibt; das Fenster verbindet sich selbst neu.</translation>
    </message>
    <message>
        <source>Reading the run store failed: %1</source>
        <translation>Lesen der Lauf-Datenbank fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Run %1: none of its candidates has a valid accelerator; the hardware search found no design within the budget</source>
        <translation>Lauf %1: Keiner seiner Kandidaten hat einen gültigen Beschleuniger; die Hardwaresuche fand keinen Entwurf innerhalb des Budgets</translation>
    </message>
    <message>
        <source>Run %1 failed: %2</source>
        <translation>Lauf %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Run %1 stopped before its first epoch ended: it has no candidates</source>
        <translation>Lauf %1 wurde vor dem Ende seiner ersten Epoche angehalten: Er hat keine Kandidaten</translation>
    </message>
    <message>
        <source>Run %1 was relaunched under a new budget before its first epoch ended: it has no candidates</source>
        <translation>Lauf %1 wurde vor dem Ende seiner ersten Epoche mit einem neuen Budget neu gestartet: Er hat keine Kandidaten</translation>
    </message>
    <message>
        <source>Run %1 finished without candidates</source>
        <translation>Lauf %1 endete ohne Kandidaten</translation>
    </message>
    <message>
        <source>Run %1 is running in another process: its first candidates appear when its first epoch ends</source>
        <translation>Lauf %1 läuft in einem anderen Prozess: Seine ersten Kandidaten erscheinen, wenn seine erste Epoche endet</translation>
    </message>
</context>
<context>
    <name>dna::session::SearchController</name>
    <message>
        <source>Writing to the run store failed: %1</source>
        <translation>Schreiben in die Lauf-Datenbank fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No run store is open: choose one with File &gt; Open.</source>
        <translation>Keine Lauf-Datenbank geöffnet: Wählen Sie eine über Datei &gt; Lauf-Datenbank öffnen.</translation>
    </message>
    <message>
        <source>the search stopped unexpectedly</source>
        <translation>die Suche wurde unerwartet beendet</translation>
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
        <translation>3×3-Kernel</translation>
    </message>
    <message>
        <source>5×5 kernel</source>
        <translation>5×5-Kernel</translation>
    </message>
    <message>
        <source>7×7 kernel</source>
        <translation>7×7-Kernel</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>skip</translation>
    </message>
    <message>
        <source>darker = larger expansion (e1, e3, e6); ↓2 = stride 2</source>
        <translation>dunkler = größere Expansion (e1, e3, e6); ↓2 = Stride 2</translation>
    </message>
    <message>
        <source>Architecture probabilities by epoch</source>
        <translation>Architekturwahrscheinlichkeiten je Epoche</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Cannot show the architecture of “%1”: a genotype looks like SPACE:op,op,… (for example fmnist:k3e3,k5e6,skip,…).</source>
        <translation>Die Architektur von „%1“ kann nicht angezeigt werden: Ein Genotyp hat die Form SUCHRAUM:op,op,… (zum Beispiel fmnist:k3e3,k5e6,skip,…).</translation>
    </message>
    <message>
        <source>Cannot show the architecture of “%1”: its search space “%2” is not one this version knows (%3).</source>
        <translation>Die Architektur von „%1“ kann nicht angezeigt werden: Der Suchraum „%2“ ist dieser Version nicht bekannt (%3).</translation>
    </message>
    <message>
        <source>Cannot show the architecture of “%1”: it does not fit search space “%2” (%3).</source>
        <translation>Die Architektur von „%1“ kann nicht angezeigt werden: Der Genotyp passt nicht zum Suchraum „%2“ (%3).</translation>
    </message>
    <message>
        <source>%1 → %2 channels, %3×%3 input, stride %4</source>
        <translation>%1 → %2 Kanäle, %3×%3 Eingabe, Stride %4</translation>
    </message>
    <message>
        <source>skip (identity, or a 1×1 convolution where the shape changes)</source>
        <translation>skip (Identität oder eine 1×1-Faltung, wo sich die Form ändert)</translation>
    </message>
    <message>
        <source>MBConv, %1×%1 depthwise kernel, expansion %2, %3 group(s) in the 1×1 convolutions</source>
        <translation>MBConv, %1×%1-Depthwise-Kernel, Expansion %2, %3 Gruppe(n) in den 1×1-Faltungen</translation>
    </message>
    <message>
        <source>Layer %1 (stage %2): %3
%4
%5</source>
        <translation>Schicht %1 (Stufe %2): %3
%4
%5</translation>
    </message>
    <message>
        <source>Architecture: %1 space, %2 searchable layers, %3 M MACs</source>
        <translation>Architektur: Suchraum %1, %2 durchsuchbare Schichten, %3 M MACs</translation>
    </message>
    <message>
        <source>Architecture: select a candidate to see its op per layer</source>
        <translation>Architektur: Kandidaten auswählen, um die Operation je Schicht zu sehen</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>No search running: the probabilities appear here after each epoch</source>
        <translation>Keine Suche aktiv: Die Wahrscheinlichkeiten erscheinen hier nach jeder Epoche</translation>
    </message>
    <message>
        <source>op %1</source>
        <translation>Op %1</translation>
    </message>
    <message>
        <source>Rows in each layer, top to bottom: %1. Hover a cell for its values.</source>
        <translation>Zeilen je Schicht, von oben nach unten: %1. Für die Werte mit der Maus auf eine Zelle zeigen.</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Layer %1, epoch %2&lt;/b&gt;: probability of each op&lt;table&gt;%3&lt;/table&gt;</source>
        <translation>&lt;b&gt;Schicht %1, Epoche %2&lt;/b&gt;: Wahrscheinlichkeit jeder Operation&lt;table&gt;%3&lt;/table&gt;</translation>
    </message>
    <message>
        <source>%1 runs shown: open one to see its probabilities</source>
        <translation>%1 Läufe angezeigt: einen öffnen, um seine Wahrscheinlichkeiten zu sehen</translation>
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
        <translation>Die Art von Baustein, für die der Beschleuniger gebaut wird</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>The board or technology preset: clock, DRAM bandwidth, energy table and budgets</source>
        <translation>Die Board- oder Technologie-Vorgabe: Takt, DRAM-Bandbreite, Energietabelle und Budgets</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>What the hardware search optimises and the Pareto front trades against accuracy</source>
        <translation>Was die Hardware-Suche optimiert und die Pareto-Front gegen die Genauigkeit abwägt</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Zielgröße</translation>
    </message>
    <message>
        <source>The strategy of every accelerator and mapping search during the co-search (das: the paper&apos;s differentiable search)</source>
        <translation>Die Strategie jeder Beschleuniger- und Abbildungssuche während der Co-Suche (das: die differenzierbare Suche des Papers)</translation>
    </message>
    <message>
        <source>Hardware search</source>
        <translation>Hardware-Suche</translation>
    </message>
    <message>
        <source>DSP slices</source>
        <translation>DSP-Slices</translation>
    </message>
    <message>
        <source>DSP slices the accelerator may use (one 16-bit MAC each)</source>
        <translation>DSP-Slices, die der Beschleuniger nutzen darf (je ein 16-Bit-MAC)</translation>
    </message>
    <message>
        <source>BRAM18 blocks</source>
        <translation>BRAM18-Blöcke</translation>
    </message>
    <message>
        <source>18 Kb block RAMs for the global buffer and FIFOs</source>
        <translation>18-Kb-Block-RAMs für den globalen Puffer und die FIFOs</translation>
    </message>
    <message>
        <source>PEs</source>
        <translation>PEs</translation>
    </message>
    <message>
        <source>Processing elements (MAC units)</source>
        <translation>Processing Elements (MAC-Einheiten)</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>Global buffer</source>
        <translation>Globaler Puffer</translation>
    </message>
    <message>
        <source>On-chip global buffer</source>
        <translation>Globaler On-Chip-Puffer</translation>
    </message>
    <message>
        <source>Minimum FPS</source>
        <translation>Mindest-FPS</translation>
    </message>
    <message>
        <source>Throughput the derived network must reach; the hardware weight rises until it does</source>
        <translation>Durchsatz, den das abgeleitete Netz erreichen muss; das Hardware-Gewicht steigt, bis es ihn erreicht</translation>
    </message>
    <message>
        <source> µJ</source>
        <translation> µJ</translation>
    </message>
    <message>
        <source>Maximum energy</source>
        <translation>Maximale Energie</translation>
    </message>
    <message>
        <source>Energy per inference the derived network must stay under</source>
        <translation>Energie pro Inferenz, die das abgeleitete Netz unterschreiten muss</translation>
    </message>
    <message>
        <source>Efficiency weight</source>
        <translation>Effizienzgewicht</translation>
    </message>
    <message>
        <source>Trade-off: 0 searches for accuracy alone; larger values favour cheaper networks on the accelerator</source>
        <translation>Abwägung: 0 sucht nur nach Genauigkeit; größere Werte bevorzugen günstigere Netze auf dem Beschleuniger</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Supernet epochs (the first is a weight-only warm-up)</source>
        <translation>Supernetz-Epochen (die erste wärmt nur die Gewichte auf)</translation>
    </message>
    <message>
        <source>Start search</source>
        <translation>Suche starten</translation>
    </message>
    <message>
        <source>Stop search</source>
        <translation>Suche anhalten</translation>
    </message>
</context>
<context>
    <name>dna::widgets::CandidateTableModel</name>
    <message>
        <source>earlier</source>
        <translation>früher</translation>
    </message>
    <message>
        <source>retrained</source>
        <translation>nachtrainiert</translation>
    </message>
    <message>
        <source>supernet estimate</source>
        <translation>Supernetz-Schätzung</translation>
    </message>
    <message>
        <source>No feasible accelerator or mapping was found for this network within the budget.</source>
        <translation>Für dieses Netz wurde innerhalb des Budgets kein machbarer Beschleuniger bzw. kein machbares Mapping gefunden.</translation>
    </message>
    <message>
        <source>Found by the run this one relaunched; its accelerator was searched again for this run&apos;s budget, its accuracy is the earlier estimate.</source>
        <translation>Gefunden von dem Lauf, den dieser neu gestartet hat; sein Beschleuniger wurde für das Budget dieses Laufs erneut gesucht, seine Genauigkeit ist die frühere Schätzung.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Genotype</source>
        <translation>Genotyp</translation>
    </message>
    <message>
        <source>Accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <source>Accuracy kind</source>
        <translation>Genauigkeitsart</translation>
    </message>
    <message>
        <source>FPS</source>
        <translation>FPS</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>Energy (µJ)</source>
        <translation>Energie (µJ)</translation>
    </message>
    <message>
        <source>EDP (µJ·ms)</source>
        <translation>EDP (µJ·ms)</translation>
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
        <translation>Fläche (mm²)</translation>
    </message>
    <message>
        <source>On front</source>
        <translation>Auf Front</translation>
    </message>
    <message>
        <source>The search run that evaluated this candidate.</source>
        <translation>Der Suchlauf, der diesen Kandidaten bewertet hat.</translation>
    </message>
    <message>
        <source>The candidate&apos;s id in the run store (dna-cli export --candidate ID).</source>
        <translation>Die ID des Kandidaten in der Lauf-Datenbank (dna-cli export --candidate ID).</translation>
    </message>
    <message>
        <source>The supernet training epoch after which the network was sampled.</source>
        <translation>Die Supernetz-Trainingsepoche, nach der das Netz gezogen wurde.</translation>
    </message>
    <message>
        <source>The network: search space, then the op chosen at each searchable layer (kernel size k, expansion e, groups g; skip = identity).</source>
        <translation>Das Netz: Suchraum, dann die gewählte Operation jeder durchsuchbaren Schicht (Kernelgröße k, Expansion e, Gruppen g; skip = Identität).</translation>
    </message>
    <message>
        <source>Top-1 validation accuracy. See Accuracy kind for how it was measured.</source>
        <translation>Top-1-Validierungsgenauigkeit. Wie sie gemessen wurde, zeigt die Spalte Genauigkeitsart.</translation>
    </message>
    <message>
        <source>Supernet estimate: measured with the shared supernet weights (fast, ranks networks but underestimates them). Retrained: the network trained on its own.</source>
        <translation>Supernetz-Schätzung: mit den geteilten Supernetz-Gewichten gemessen (schnell, ordnet Netze richtig ein, unterschätzt sie aber). Nachtrainiert: das Netz eigenständig trainiert.</translation>
    </message>
    <message>
        <source>Frames per second of one inference stream on the searched accelerator (1 / latency).</source>
        <translation>Bilder pro Sekunde eines Inferenz-Streams auf dem gesuchten Beschleuniger (1 / Latenz).</translation>
    </message>
    <message>
        <source>Latency of one inference in milliseconds, from the analytical cost model.</source>
        <translation>Latenz einer Inferenz in Millisekunden, aus dem analytischen Kostenmodell.</translation>
    </message>
    <message>
        <source>Energy per inference in microjoules: MACs, register files, NoC, global buffer and DRAM.</source>
        <translation>Energie pro Inferenz in Mikrojoule: MACs, Registerdateien, NoC, globaler Puffer und DRAM.</translation>
    </message>
    <message>
        <source>Energy-delay product: energy per inference (µJ) × latency (ms). Lower is better.</source>
        <translation>Energie-Verzögerungs-Produkt: Energie pro Inferenz (µJ) × Latenz (ms). Kleiner ist besser.</translation>
    </message>
    <message>
        <source>DSP slices the accelerator uses (FPGA platforms).</source>
        <translation>Vom Beschleuniger genutzte DSP-Slices (FPGA-Plattformen).</translation>
    </message>
    <message>
        <source>18 Kb block RAMs the accelerator&apos;s buffers use (FPGA platforms).</source>
        <translation>Von den Puffern des Beschleunigers genutzte 18-Kb-Block-RAMs (FPGA-Plattformen).</translation>
    </message>
    <message>
        <source>Silicon area of the accelerator in mm² (ASIC platforms).</source>
        <translation>Siliziumfläche des Beschleunigers in mm² (ASIC-Plattformen).</translation>
    </message>
    <message>
        <source>Whether the candidate is on its run&apos;s Pareto front of accuracy against the run&apos;s objective.</source>
        <translation>Ob der Kandidat auf der Pareto-Front seines Laufs liegt (Genauigkeit gegen die Zielgröße des Laufs).</translation>
    </message>
    <message>
        <source>older estimate (epoch %1)</source>
        <translation>ältere Schätzung (Epoche %1)</translation>
    </message>
    <message>
        <source>estimate (epoch %1)</source>
        <translation>Schätzung (Epoche %1)</translation>
    </message>
    <message>
        <source>Estimated with the supernet weights of epoch %1; the run&apos;s front was estimated again with the weights of epoch %2, this candidate (off the front) was not.</source>
        <translation>Mit den Supernetz-Gewichten von Epoche %1 geschätzt; die Front des Laufs wurde mit den Gewichten von Epoche %2 neu geschätzt, dieser Kandidat (nicht auf der Front) nicht.</translation>
    </message>
    <message>
        <source>Trained (%)</source>
        <translation>Trainiert (%)</translation>
    </message>
    <message>
        <source>Test accuracy of the network trained from scratch (Search &gt; Train from Scratch), empty when it was not trained.</source>
        <translation>Testgenauigkeit des von Grund auf trainierten Netzes (Suche &gt; Von Grund auf trainieren), leer, wenn es nicht trainiert wurde.</translation>
    </message>
</context>
<context>
    <name>dna::widgets::CandidateTableView</name>
    <message>
        <source>Front only</source>
        <translation>Nur Front</translation>
    </message>
    <message>
        <source>Show only candidates on their run&apos;s Pareto front.</source>
        <translation>Nur Kandidaten auf der Pareto-Front ihres Laufs anzeigen.</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Minimum accuracy; 0 shows every accuracy.</source>
        <translation>Mindestgenauigkeit; 0 zeigt jede Genauigkeit.</translation>
    </message>
    <message>
        <source>Minimum frames per second; 0 shows every throughput.</source>
        <translation>Mindestanzahl Bilder pro Sekunde; 0 zeigt jeden Durchsatz.</translation>
    </message>
    <message>
        <source> µJ</source>
        <translation> µJ</translation>
    </message>
    <message>
        <source>Maximum energy per inference; 0 means no limit.</source>
        <translation>Maximale Energie pro Inferenz; 0 bedeutet keine Grenze.</translation>
    </message>
    <message>
        <source>Genotype contains…</source>
        <translation>Genotyp enthält…</translation>
    </message>
    <message>
        <source>Show candidates whose genotype contains this text, e.g. k5e6 or skip,skip.</source>
        <translation>Kandidaten anzeigen, deren Genotyp diesen Text enthält, z. B. k5e6 oder skip,skip.</translation>
    </message>
    <message>
        <source>&amp;Accuracy ≥</source>
        <translation>&amp;Genauigkeit ≥</translation>
    </message>
    <message>
        <source>&amp;FPS ≥</source>
        <translation>&amp;FPS ≥</translation>
    </message>
    <message>
        <source>&amp;Energy ≤</source>
        <translation>&amp;Energie ≤</translation>
    </message>
    <message>
        <source>Candidates: %1</source>
        <translation>Kandidaten: %1</translation>
    </message>
    <message>
        <source>Shown: %1 of %2</source>
        <translation>Angezeigt: %1 von %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>older estimate (epoch %1)</source>
        <translation>ältere Schätzung (Epoche %1)</translation>
    </message>
</context>
<context>
    <name>dna::widgets::DesignCompare</name>
    <message>
        <source>The design of candidate %1 is not valid JSON.</source>
        <translation>Der Entwurf von Kandidat %1 ist kein gültiges JSON.</translation>
    </message>
    <message>
        <source>The design of candidate %1 cannot be shown: %2</source>
        <translation>Der Entwurf von Kandidat %1 kann nicht angezeigt werden: %2</translation>
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
        <translation>Zwei Kandidaten auswählen, um sie Schicht für Schicht zu vergleichen</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>Energy (µJ)</source>
        <translation>Energie (µJ)</translation>
    </message>
    <message>
        <source>%1 &lt;b&gt;A&lt;/b&gt; %2: %3 FPS, %4 ms, %5 µJ&lt;br&gt;%6 &lt;b&gt;B&lt;/b&gt; %7: %8 FPS, %9 ms, %10 µJ</source>
        <translation>%1 &lt;b&gt;A&lt;/b&gt; %2: %3 FPS, %4 ms, %5 µJ&lt;br&gt;%6 &lt;b&gt;B&lt;/b&gt; %7: %8 FPS, %9 ms, %10 µJ</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Latency A (µs)</source>
        <translation>Latenz A (µs)</translation>
    </message>
    <message>
        <source>Latency A (ms)</source>
        <translation>Latenz A (ms)</translation>
    </message>
    <message>
        <source>Latency B (µs)</source>
        <translation>Latenz B (µs)</translation>
    </message>
    <message>
        <source>Latency B (ms)</source>
        <translation>Latenz B (ms)</translation>
    </message>
    <message>
        <source>B/A</source>
        <translation>B/A</translation>
    </message>
    <message>
        <source>Energy A (µJ)</source>
        <translation>Energie A (µJ)</translation>
    </message>
    <message>
        <source>Energy B (µJ)</source>
        <translation>Energie B (µJ)</translation>
    </message>
    <message>
        <source>Latency of B divided by latency of A</source>
        <translation>Latenz von B geteilt durch Latenz von A</translation>
    </message>
    <message>
        <source>Energy of B divided by energy of A</source>
        <translation>Energie von B geteilt durch Energie von A</translation>
    </message>
    <message>
        <source>Energy per inference</source>
        <translation>Energie pro Inferenz</translation>
    </message>
    <message>
        <source>The layers differ in shape: A %1, B %2</source>
        <translation>Die Schichten unterscheiden sich in der Form: A %1, B %2</translation>
    </message>
    <message>
        <source>no layer</source>
        <translation>keine Schicht</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
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
        <translation>Latenz (µs)</translation>
    </message>
</context>
<context>
    <name>dna::widgets::LayerMappingModel</name>
    <message>
        <source>E%1 · chunk %2</source>
        <translation>E%1 · Abschnitt %2</translation>
    </message>
    <message>
        <source>conv</source>
        <translation>conv</translation>
    </message>
    <message>
        <source>depthwise</source>
        <translation>depthwise</translation>
    </message>
    <message>
        <source>fc</source>
        <translation>fc</translation>
    </message>
    <message>
        <source>compute</source>
        <translation>Rechnen</translation>
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
        <translation>N %1, G %2, K %3, C %4, Y %5, X %6, R %7, S %8; Stride %9×%10; %11 MMACs</translation>
    </message>
    <message>
        <source>compute %1, global buffer %2, DRAM %3 cycles</source>
        <translation>Rechnen %1, globaler Puffer %2, DRAM %3 Zyklen</translation>
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
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Dataflow</source>
        <translation>Datenfluss</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Cols</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>RF tile</source>
        <translation>RF-Tile</translation>
    </message>
    <message>
        <source>GB loops</source>
        <translation>GB-Schleifen</translation>
    </message>
    <message>
        <source>DRAM loops</source>
        <translation>DRAM-Schleifen</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Reihenfolge</translation>
    </message>
    <message>
        <source>Util</source>
        <translation>Ausl.</translation>
    </message>
    <message>
        <source>Cycles</source>
        <translation>Zyklen</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
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
        <translation>Energie %1</translation>
    </message>
    <message>
        <source>Bound</source>
        <translation>Engpass</translation>
    </message>
    <message>
        <source>Layer name in the network</source>
        <translation>Name der Schicht im Netz</translation>
    </message>
    <message>
        <source>conv, depthwise or fully connected (fc)</source>
        <translation>conv, depthwise oder vollständig verbunden (fc)</translation>
    </message>
    <message>
        <source>K output and C input channels (per group), Y×X output map, R×S filter, stride s, groups g; a depthwise layer shows its G channels</source>
        <translation>K Ausgabe- und C Eingabekanäle (pro Gruppe), Y×X-Ausgabekarte, R×S-Filter, Stride s, Gruppen g; eine Depthwise-Schicht zeigt ihre G Kanäle</translation>
    </message>
    <message>
        <source>The engine (sub-accelerator) that runs the layer, and its chunk of consecutive layers</source>
        <translation>Die Engine (Teilbeschleuniger), die die Schicht ausführt, und ihr Abschnitt aufeinanderfolgender Schichten</translation>
    </message>
    <message>
        <source>The engine&apos;s spatial-unrolling template</source>
        <translation>Das räumliche Unrolling-Schema der Engine</translation>
    </message>
    <message>
        <source>Dimensions unrolled over the PE rows, with their factors</source>
        <translation>Über die PE-Zeilen ausgerollte Dimensionen, mit ihren Faktoren</translation>
    </message>
    <message>
        <source>Dimensions unrolled over the PE columns, with their factors</source>
        <translation>Über die PE-Spalten ausgerollte Dimensionen, mit ihren Faktoren</translation>
    </message>
    <message>
        <source>Temporal loops inside each PE&apos;s register file (non-unit factors)</source>
        <translation>Zeitliche Schleifen in der Registerdatei jedes PE (Faktoren ungleich 1)</translation>
    </message>
    <message>
        <source>Temporal loops over tiles held in the global buffer</source>
        <translation>Zeitliche Schleifen über Tiles im globalen Puffer</translation>
    </message>
    <message>
        <source>Temporal loops over tiles fetched from DRAM</source>
        <translation>Zeitliche Schleifen über aus dem DRAM geladene Tiles</translation>
    </message>
    <message>
        <source>Loop order per level, outermost first: DRAM | GB | RF (only loops with more than one iteration)</source>
        <translation>Schleifenreihenfolge je Ebene, äußerste zuerst: DRAM | GB | RF (nur Schleifen mit mehr als einer Iteration)</translation>
    </message>
    <message>
        <source>MACs divided by compute cycles × the engine&apos;s PEs</source>
        <translation>MACs geteilt durch Rechenzyklen × PEs der Engine</translation>
    </message>
    <message>
        <source>Cycles of the layer per batch: the largest of compute, GB and DRAM cycles with double buffering, their sum without</source>
        <translation>Zyklen der Schicht pro Batch: mit Double Buffering das Maximum aus Rechen-, GB- und DRAM-Zyklen, sonst deren Summe</translation>
    </message>
    <message>
        <source>This layer&apos;s share of the network&apos;s latency</source>
        <translation>Anteil dieser Schicht an der Latenz des Netzes</translation>
    </message>
    <message>
        <source>Energy per batch spent in this component, in %1</source>
        <translation>Energie pro Batch in dieser Komponente, in %1</translation>
    </message>
    <message>
        <source>Energy of the layer per batch, in %1</source>
        <translation>Energie der Schicht pro Batch, in %1</translation>
    </message>
    <message>
        <source>What limits the layer&apos;s cycles: compute, global-buffer bandwidth (GB) or DRAM bandwidth</source>
        <translation>Was die Zyklen der Schicht begrenzt: Rechnen, Bandbreite des globalen Puffers (GB) oder DRAM-Bandbreite</translation>
    </message>
</context>
<context>
    <name>dna::widgets::MappingInspector</name>
    <message>
        <source>%1 (no limit)</source>
        <translation>%1 (keine Grenze)</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Energy per batch</source>
        <translation>Energie pro Batch</translation>
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
        <translation>Energie</translation>
    </message>
    <message>
        <source>compute-bound</source>
        <translation>rechengebunden</translation>
    </message>
    <message>
        <source>GB-bound</source>
        <translation>GB-gebunden</translation>
    </message>
    <message>
        <source>DRAM-bound</source>
        <translation>DRAM-gebunden</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Select a layer to see its loop nest</source>
        <translation>Schicht auswählen, um ihr Schleifennest zu sehen</translation>
    </message>
    <message>
        <source>The design of candidate %1 is not valid JSON.</source>
        <translation>Der Entwurf von Kandidat %1 ist kein gültiges JSON.</translation>
    </message>
    <message>
        <source>Candidate %1</source>
        <translation>Kandidat %1</translation>
    </message>
    <message>
        <source>Candidate %1: %2</source>
        <translation>Kandidat %1: %2</translation>
    </message>
    <message>
        <source>The design of candidate %1 cannot be shown: %2</source>
        <translation>Der Entwurf von Kandidat %1 kann nicht angezeigt werden: %2</translation>
    </message>
    <message>
        <source>Select a candidate to see how each layer is mapped</source>
        <translation>Kandidaten auswählen, um das Mapping jeder Schicht zu sehen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; at %2 MHz, %3, batch %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; mit %2 MHz, %3, Batch %4</translation>
    </message>
    <message>
        <source>layer pipeline</source>
        <translation>Schicht-Pipeline</translation>
    </message>
    <message>
        <source>one layer at a time</source>
        <translation>Schicht für Schicht</translation>
    </message>
    <message>
        <source>W %1, I %2, O %3</source>
        <translation>W %1, I %2, O %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;E%1&lt;/b&gt; %2×%3 PEs, %4, GB %5, RF %6/PE, NoC %7; layers %8</source>
        <translation>&lt;b&gt;E%1&lt;/b&gt; %2×%3 PEs, %4, GB %5, RF %6/PE, NoC %7; Schichten %8</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>DSP %1 · BRAM18 %2</source>
        <translation>DSP %1 · BRAM18 %2</translation>
    </message>
    <message>
        <source>Area %1 mm² · PEs %2</source>
        <translation>Fläche %1 mm² · PEs %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 FPS&lt;/b&gt; · latency %2 ms · energy %3 µJ per inference</source>
        <translation>&lt;b&gt;%1 FPS&lt;/b&gt; · Latenz %2 ms · Energie %3 µJ pro Inferenz</translation>
    </message>
    <message>
        <source>The cost model rejects this design (%1): %2</source>
        <translation>Das Kostenmodell verwirft diesen Entwurf (%1): %2</translation>
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
        <translation>Latenz (µs)</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>Energy per batch (%1)</source>
        <translation>Energie pro Batch (%1)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;%3 cycles (%4 of latency), %5-bound, %6 utilised&lt;br&gt;energy %7 %8: MAC %9, RF %10, NoC %11, GB %12, DRAM %13</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;%3 Zyklen (%4 der Latenz), Engpass %5, %6 ausgelastet&lt;br&gt;Energie %7 %8: MAC %9, RF %10, NoC %11, GB %12, DRAM %13</translation>
    </message>
    <message>
        <source>The store recorded other figures for this design than this build&apos;s cost model gives (a store written by another version?); shown are this build&apos;s. First difference: %1</source>
        <translation>Der Speicher enthält für dieses Design andere Werte, als das Kostenmodell dieses Builds liefert (von einer anderen Version geschrieben?); angezeigt werden die Werte dieses Builds. Erste Abweichung: %1</translation>
    </message>
</context>
<context>
    <name>dna::widgets::ParetoPlot</name>
    <message>
        <source>Accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <source>No candidates yet: start a search</source>
        <translation>Noch keine Kandidaten: Starten Sie eine Suche</translation>
    </message>
    <message>
        <source>Invalid designs</source>
        <translation>Ungültige Entwürfe</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>min %1 FPS</source>
        <translation>min. %1 FPS</translation>
    </message>
    <message>
        <source>max %1 ms</source>
        <translation>max. %1 ms</translation>
    </message>
    <message>
        <source>max %1 µJ</source>
        <translation>max. %1 µJ</translation>
    </message>
    <message>
        <source>Cannot export to &apos;%1&apos;: the file name must end in .png or .pdf.</source>
        <translation>Export nach „%1“ nicht möglich: Der Dateiname muss auf .png oder .pdf enden.</translation>
    </message>
    <message>
        <source>Could not write &apos;%1&apos;.</source>
        <translation>„%1“ konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Candidate %1</source>
        <translation>Kandidat %1</translation>
    </message>
    <message>
        <source>retrained</source>
        <translation>nachtrainiert</translation>
    </message>
    <message>
        <source>supernet estimate</source>
        <translation>Supernetz-Schätzung</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>%1 % (%2)</source>
        <translation>%1 % (%2)</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>%1 FPS</source>
        <translation>%1 FPS</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
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
        <translation>Fläche</translation>
    </message>
    <message>
        <source>%1 mm²</source>
        <translation>%1 mm²</translation>
    </message>
    <message>
        <source>Invalid design: it does not fit the platform</source>
        <translation>Ungültiger Entwurf: Er passt nicht auf die Plattform</translation>
    </message>
    <message>
        <source>On the Pareto front</source>
        <translation>Auf der Pareto-Front</translation>
    </message>
    <message>
        <source>Trained from scratch</source>
        <translation>Von Grund auf trainiert</translation>
    </message>
    <message>
        <source>supernet estimate, weights of epoch %1</source>
        <translation>Supernetz-Schätzung, Gewichte von Epoche %1</translation>
    </message>
    <message>
        <source>Older estimates</source>
        <translation>Ältere Schätzungen</translation>
    </message>
</context>
<context>
    <name>dna::widgets::RunsBrowser</name>
    <message>
        <source>Rename run to “%1”</source>
        <translation>Lauf in „%1“ umbenennen</translation>
    </message>
    <message>
        <source>Delete run %1</source>
        <translation>Lauf %1 löschen</translation>
    </message>
    <message>
        <source>Delete %1 runs</source>
        <translation>%1 Läufe löschen</translation>
    </message>
    <message>
        <source>The store could not be changed: %1</source>
        <translation>Die Datenbank konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>Filter runs (name, state, platform, objective…)</source>
        <translation>Läufe filtern (Name, Status, Plattform, Zielgröße…)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Show the selected run&apos;s candidates (or double-click a run)</source>
        <translation>Kandidaten des ausgewählten Laufs anzeigen (oder Doppelklick auf einen Lauf)</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Compare the fronts of two or more selected runs</source>
        <translation>Die Fronten von zwei oder mehr ausgewählten Läufen vergleichen</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Rename the selected run (F2)</source>
        <translation>Den ausgewählten Lauf umbenennen (F2)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the selected runs (Del; Undo brings them back)</source>
        <translation>Die ausgewählten Läufe löschen (Entf; Rückgängig stellt sie wieder her)</translation>
    </message>
    <message>
        <source>No run store is open.</source>
        <translation>Keine Lauf-Datenbank geöffnet.</translation>
    </message>
    <message>
        <source>No runs in this store yet. A run appears here as soon as a search starts.</source>
        <translation>Noch keine Läufe in dieser Datenbank. Ein Lauf erscheint hier, sobald eine Suche startet.</translation>
    </message>
    <message>
        <source>“%1” is still running and was not deleted. Stop its search first.</source>
        <translation>„%1“ läuft noch und wurde nicht gelöscht. Halten Sie zuerst seine Suche an.</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>rename</source>
        <translation>umbenennen</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>löschen</translation>
    </message>
    <message>
        <source>Runs written elsewhere</source>
        <translation>Anderswo geschriebene Läufe</translation>
    </message>
    <message>
        <source>“%1” was written by a program on %2, not by this window. %3 it anyway? Everyone who uses this store will see the change.</source>
        <translation>„%1“ wurde von einem Programm auf %2 geschrieben, nicht von diesem Fenster. Trotzdem %3? Alle, die diesen Speicher nutzen, sehen die Änderung.</translation>
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
        <translation>%1 PEs</translation>
    </message>
    <message>
        <source>%1 KiB buffer</source>
        <translation>%1 KiB Puffer</translation>
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
        <translation>läuft</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>ersetzt</translation>
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
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Best %1 among the run&apos;s Pareto-optimal candidates</source>
        <translation>Bester Wert für %1 unter den Pareto-optimalen Kandidaten des Laufs</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Vorgaben</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Zielgröße</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Kandidaten</translation>
    </message>
    <message>
        <source>Best accuracy</source>
        <translation>Beste Genauigkeit</translation>
    </message>
    <message>
        <source>Best on front</source>
        <translation>Bestwert auf Front</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>ein anderes Programm</translation>
    </message>
    <message>
        <source>Written by another program</source>
        <translation>Von einem anderen Programm geschrieben</translation>
    </message>
    <message>
        <source>Written by a program on %1</source>
        <translation>Von einem Programm auf %1 geschrieben</translation>
    </message>
</context>
<context>
    <name>dna::widgets::SliderField</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>dna::widgets::SweepsView</name>
    <message>
        <source>Sweep</source>
        <translation>Sweep</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>Läuft auf</translation>
    </message>
    <message>
        <source>Sweeps of this store (dna-cli sweep). Select one to show its runs, coloured by a grid axis</source>
        <translation>Sweeps dieses Speichers (dna-cli sweep). Einen auswählen, um seine Läufe nach einer Rasterachse eingefärbt zu zeigen</translation>
    </message>
    <message>
        <source>The grid axis the runs are coloured by and the summary plots against</source>
        <translation>Die Rasterachse, nach der die Läufe eingefärbt sind und gegen die die Zusammenfassung aufgetragen ist</translation>
    </message>
    <message>
        <source>Best FPS, accuracy at least</source>
        <translation>Beste FPS, Genauigkeit mindestens</translation>
    </message>
    <message>
        <source>Best accuracy, FPS at least</source>
        <translation>Beste Genauigkeit, FPS mindestens</translation>
    </message>
    <message>
        <source>No sweeps in this store. Run one with dna-cli sweep (see the README, &quot;Running on a cluster&quot;).</source>
        <translation>Keine Sweeps in diesem Speicher. Einen mit dna-cli sweep starten (siehe README, &quot;Running on a cluster&quot;).</translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation>Einfärben nach</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source> FPS</source>
        <translation> FPS</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 of %2 complete</source>
        <translation>%1 von %2 abgeschlossen</translation>
    </message>
    <message>
        <source>Slurm job %1</source>
        <translation>Slurm-Job %1</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>diesem Rechner</translation>
    </message>
    <message>
        <source>Best FPS</source>
        <translation>Beste FPS</translation>
    </message>
    <message>
        <source>Best accuracy (%)</source>
        <translation>Beste Genauigkeit (%)</translation>
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
    <message>
        <source>Start a co-search with the saved budget as soon as the window opens.</source>
        <translation>Eine Co-Suche mit dem gespeicherten Budget starten, sobald sich das Fenster öffnet.</translation>
    </message>
    <message numerus="yes">
        <source>dna-explorer: opening %1; one run store at a time, %n other file(s) ignored</source>
        <translation>
            <numerusform>dna-explorer: öffne %1; es wird nur eine Lauf-Datenbank geöffnet, %n weitere Datei ignoriert</numerusform>
            <numerusform>dna-explorer: öffne %1; es wird nur eine Lauf-Datenbank geöffnet, %n weitere Dateien ignoriert</numerusform>
        </translation>
    </message>
</context>
</TS>
