import fc from 'fast-check';
import { discountRefusal, walkInRefusal } from './sale-rules.js';

describe('walk-in sales', () => {
  it('are allowed when paid in full at once', () => {
    expect(walkInRefusal({ paidAmount: 1500, total: 1500 })).toBeNull();
    expect(walkInRefusal({ customerId: null, paidAmount: 0, total: 0 })).toBeNull();
  });

  it('refuse credit with a message on customerId', () => {
    expect(walkInRefusal({ paidAmount: 0, total: 1500 })).toEqual({ customerId: 'a sale on credit needs a customer' });
    expect(walkInRefusal({ customerId: null, paidAmount: 1499, total: 1500 })).toEqual({ customerId: 'a sale on credit needs a customer' });
  });

  it('never concern a sale with a customer, paid or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1 }), fc.nat(), fc.nat(), (customerId, paidAmount, total) => walkInRefusal({ customerId, paidAmount, total }) === null),
    );
  });

  it('without a customer, pass exactly when paid equals total', () => {
    fc.assert(fc.property(fc.nat(), fc.nat(), (paidAmount, total) => (walkInRefusal({ paidAmount, total }) === null) === (paidAmount === total)));
  });
});

describe('a sale’s discount', () => {
  it('is a coupon or a manual amount, not both', () => {
    expect(discountRefusal({ couponCode: 'SAVE10' })).toBeNull();
    expect(discountRefusal({ discount: 200 })).toBeNull();
    expect(discountRefusal({ couponCode: 'SAVE10', discount: 0 })).toBeNull();
    expect(discountRefusal({ couponCode: 'SAVE10', discount: 200 })).toEqual({ discount: 'a sale takes a coupon or a manual discount, not both' });
  });
});
