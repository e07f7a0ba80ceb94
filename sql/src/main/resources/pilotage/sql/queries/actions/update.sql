UPDATE priority_action SET title = :title, owner = :owner, due_date = CAST(:due AS DATE), status = :status,
       indicator = :indicator, updated_at = current_timestamp,
       done_at = CASE WHEN :status = 'done' THEN coalesce(done_at, CAST(:today AS DATE)) END
WHERE id = :id;
