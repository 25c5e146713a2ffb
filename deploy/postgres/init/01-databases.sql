-- Runs once, when the postgres container starts on an empty data volume (docker compose only).
-- One database and one owning role per service, so that no service can read another's data.
-- DEV ONLY: these passwords are public; docker-compose.yml repeats them. After changing this file,
-- `docker compose down -v` removes the volume so that it runs again.

CREATE ROLE users     LOGIN PASSWORD 'users-dev';
CREATE ROLE orders    LOGIN PASSWORD 'orders-dev';
CREATE ROLE inventory LOGIN PASSWORD 'inventory-dev';
CREATE ROLE payments  LOGIN PASSWORD 'payments-dev';
CREATE ROLE shipping  LOGIN PASSWORD 'shipping-dev';

CREATE DATABASE kaimono_users     OWNER users;
CREATE DATABASE kaimono_orders    OWNER orders;
CREATE DATABASE kaimono_inventory OWNER inventory;
CREATE DATABASE kaimono_payments  OWNER payments;
CREATE DATABASE kaimono_shipping  OWNER shipping;

-- By default every role may connect to every database; only the owner may now.
REVOKE ALL ON DATABASE kaimono_users     FROM PUBLIC;
REVOKE ALL ON DATABASE kaimono_orders    FROM PUBLIC;
REVOKE ALL ON DATABASE kaimono_inventory FROM PUBLIC;
REVOKE ALL ON DATABASE kaimono_payments  FROM PUBLIC;
REVOKE ALL ON DATABASE kaimono_shipping  FROM PUBLIC;
