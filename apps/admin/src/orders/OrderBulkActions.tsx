import { useState, type MouseEvent } from 'react';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import MoveDownIcon from '@mui/icons-material/MoveDown';
import { Button, Confirm } from 'react-admin';
import { postBulk, useBulkAction } from '../bulk';
import { orderStatusLooks } from '../common-sales/labels';
import type { Order, OrderStatus } from '../common-sales/types';

/** The moves offered for a selection; each order is checked by the API on its own (a cancelled one stays). */
const MOVES: OrderStatus[] = ['processing', 'shipped', 'delivered', 'cancelled'];

const doneWords = (status: OrderStatus) => (status === 'cancelled' ? 'cancelled' : `moved to ${orderStatusLooks[status].label.toLowerCase()}`);

/**
 * "Move to…" on the selected orders: one request (POST /api/admin/orders/bulk-status), each order
 * moved in its own transaction by the same rules as on its page; the ones that cannot move are
 * named with why. Cancelling (stock and payments go back) asks first.
 */
export const MoveOrdersButton = () => {
  const [status, setStatus] = useState<OrderStatus>('processing');
  const { run, busy, dialog, count } = useBulkAction<Order>({
    words: { one: 'order', many: 'orders', done: doneWords(status) },
    labelOf: (order) => order.number ?? `Draft #${order.id}`,
  });
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [confirming, setConfirming] = useState(false);
  const move = (to: OrderStatus) => run((ids) => postBulk('orders/bulk-status', ids, { status: to }));

  const choose = (to: OrderStatus) => {
    setAnchor(null);
    setStatus(to);
    if (to === 'cancelled') setConfirming(true);
    else void move(to);
  };

  return (
    <>
      <Button
        label="Move to…"
        onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
        disabled={busy}
        aria-haspopup="menu"
        aria-controls={anchor ? 'bulk-move-menu' : undefined}
      >
        <MoveDownIcon />
      </Button>
      <Menu id="bulk-move-menu" anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {MOVES.map((to) => (
          <MenuItem key={to} onClick={() => choose(to)}>
            {to === 'cancelled' ? 'Cancel the orders…' : orderStatusLooks[to].label}
          </MenuItem>
        ))}
      </Menu>
      <Confirm
        isOpen={confirming}
        title={`Cancel ${count === 1 ? 'this order' : `these ${count} orders`}?`}
        content="Their stock and coupon uses come back and whatever was paid is refunded. Orders that can no longer be cancelled are left as they are."
        confirm="Cancel the orders"
        cancel="Keep them"
        onConfirm={() => {
          setConfirming(false);
          void move('cancelled');
        }}
        onClose={() => setConfirming(false)}
      />
      {dialog}
    </>
  );
};
