UPDATE priority_action SET title = :title, owner = :owner, due_date = CAST(:due AS DATE), status = :status,
       indicator = :indicator, updated_at = current_timestamp
WHERE id = :id;
