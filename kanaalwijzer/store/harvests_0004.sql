-- Migration 4: one spelling of the official-publications source. Runs and windows of its spider
-- were kept as 'gemeenteblad' (the Gemeenteblad alone) and 'op:<prefixes>' (other selections of
-- gazettes); both become 'officielepublicaties:<prefixes>' (kanaalwijzer.vocabulary.harvest_key),
-- so a harvest after the upgrade resumes and retries the windows of the runs before it.
UPDATE harvest_runs SET source = 'officielepublicaties:gmb' WHERE source = 'gemeenteblad';
UPDATE harvest_runs SET source = 'officielepublicaties:' || substr(source, 4) WHERE source LIKE 'op:%';
UPDATE harvest_windows SET source = 'officielepublicaties:gmb' WHERE source = 'gemeenteblad';
UPDATE harvest_windows SET source = 'officielepublicaties:' || substr(source, 4) WHERE source LIKE 'op:%';
