-- Readers page through alerts and the outbox by id ("after" the last id they saw). An identity is
-- taken at insert and seen at commit, so with concurrent writers a reader could see id 12, page on,
-- and never see id 11 that committed a moment later. Every insert into such a table first locks
-- its row here, until its transaction ends: ids then become visible in the order they were taken.
CREATE TABLE append_lock (
  name VARCHAR(32) PRIMARY KEY
);
INSERT INTO append_lock (name) VALUES ('alert');
INSERT INTO append_lock (name) VALUES ('bericht');
