-- Issue 23, ADR 24: a kept cell of fewer than k people is as revealing as the answers it sums, so the cells are
-- readable and writable only by the whole-force role (ADR 17), which the disclosure layer switches to; a connection
-- acting for a signed-in user sees none of them. The published months hold no answers and stay readable.
alter table disclosure_published_cell enable row level security;
create policy disclosure_published_cell_whole_force on disclosure_published_cell to soteria_whole_force
    using (true) with check (true);
