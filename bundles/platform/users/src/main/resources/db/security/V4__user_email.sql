-- The e-mail address notifications are sent to (empty when the user has none); set by the user or their managers.
ALTER TABLE security_user ADD COLUMN email VARCHAR(254);
