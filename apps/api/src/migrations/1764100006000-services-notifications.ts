import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Service types, bookings and per-user notifications (docs/api.md#services-and-notifications). */
export class ServicesNotifications1764100006000 implements MigrationInterface {
  name = 'ServicesNotifications1764100006000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE service_types (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '',
        price integer NOT NULL CHECK (price >= 0),
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 10080),
        is_active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX service_types_active_name_idx ON service_types (is_active, name)`);
    await db.query(`
      CREATE TABLE bookings (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        customer_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        service_type_id integer NOT NULL REFERENCES service_types (id) ON DELETE RESTRICT,
        service_name text NOT NULL,
        price integer NOT NULL CHECK (price >= 0),
        duration_minutes integer NOT NULL,
        scheduled_at timestamptz NOT NULL,
        address text NOT NULL,
        notes text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'completed', 'cancelled')),
        completed_at timestamptz,
        cancelled_at timestamptz,
        created_by_id integer REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX bookings_status_scheduled_idx ON bookings (status, scheduled_at, id)`);
    await db.query(`CREATE INDEX bookings_scheduled_idx ON bookings (scheduled_at, id)`);
    await db.query(`CREATE INDEX bookings_customer_idx ON bookings (customer_id, scheduled_at DESC)`);
    await db.query(`
      CREATE TABLE notifications (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('order_update', 'product_update', 'message', 'booking_update', 'low_stock')),
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        link_resource text,
        link_id integer,
        event_id bigint,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notifications_once_per_event UNIQUE (event_id, user_id)
      )`);
    await db.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC)`);
    await db.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['notifications', 'bookings', 'service_types']) await db.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
