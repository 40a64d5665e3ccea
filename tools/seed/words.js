// Word lists the seed draws realistic names from (passed to SQL as text[] parameters).

/** Top-level departments: each gets sub-categories, a kind (which variant attributes) and product nouns. */
export const DEPARTMENTS = [
  { name: 'Electronics', kind: 'tech', nouns: ['Headphones', 'Speaker', 'Charger', 'Power Bank', 'Webcam', 'Monitor', 'Keyboard', 'Mouse', 'Router', 'Smartwatch'] },
  { name: 'Computers', kind: 'tech', nouns: ['Laptop', 'Tablet', 'SSD', 'Docking Station', 'Graphics Card', 'Desktop', 'USB Hub', 'Memory Kit'] },
  { name: 'Phones', kind: 'tech', nouns: ['Smartphone', 'Phone Case', 'Screen Protector', 'Car Mount', 'Earbuds', 'Cable'] },
  { name: 'Clothing', kind: 'apparel', nouns: ['Shirt', 'T-Shirt', 'Jacket', 'Hoodie', 'Jeans', 'Dress', 'Sweater', 'Coat', 'Shorts', 'Skirt'] },
  { name: 'Shoes', kind: 'apparel', nouns: ['Sneakers', 'Boots', 'Sandals', 'Loafers', 'Running Shoes', 'Slippers'] },
  { name: 'Sports', kind: 'apparel', nouns: ['Yoga Mat', 'Tracksuit', 'Gym Bag', 'Water Bottle', 'Cycling Jersey', 'Tennis Racket'] },
  { name: 'Home and Kitchen', kind: 'color', nouns: ['Kettle', 'Toaster', 'Blender', 'Frying Pan', 'Knife Set', 'Coffee Maker', 'Cutting Board', 'Mixing Bowl', 'Lamp', 'Cushion'] },
  { name: 'Furniture', kind: 'color', nouns: ['Chair', 'Desk', 'Bookshelf', 'Side Table', 'Sofa', 'Bed Frame', 'Wardrobe'] },
  { name: 'Garden', kind: 'color', nouns: ['Hose', 'Planter', 'Garden Chair', 'Pruning Shears', 'Lawn Mower', 'Watering Can'] },
  { name: 'Tools', kind: 'plain', nouns: ['Drill', 'Screwdriver Set', 'Hammer', 'Toolbox', 'Tape Measure', 'Circular Saw', 'Wrench Set'] },
  { name: 'Toys', kind: 'color', nouns: ['Puzzle', 'Building Blocks', 'Doll', 'Board Game', 'Toy Car', 'Plush Bear'] },
  { name: 'Books', kind: 'plain', nouns: ['Cookbook', 'Novel', 'Notebook', 'Atlas', 'Comic', 'Travel Guide'] },
  { name: 'Beauty', kind: 'plain', nouns: ['Shampoo', 'Face Cream', 'Perfume', 'Hair Dryer', 'Lipstick', 'Razor'] },
  { name: 'Grocery', kind: 'plain', nouns: ['Coffee Beans', 'Green Tea', 'Olive Oil', 'Pasta', 'Chocolate', 'Honey'] },
  { name: 'Automotive', kind: 'plain', nouns: ['Car Vacuum', 'Jump Starter', 'Seat Cover', 'Dash Cam', 'Tire Inflator'] },
  { name: 'Office', kind: 'color', nouns: ['Stapler', 'Desk Organizer', 'Pen Set', 'Whiteboard', 'Paper Shredder', 'Label Maker'] },
  { name: 'Pets', kind: 'color', nouns: ['Dog Bed', 'Cat Tree', 'Leash', 'Pet Bowl', 'Litter Box', 'Chew Toy'] },
  { name: 'Health', kind: 'plain', nouns: ['Thermometer', 'First Aid Kit', 'Scale', 'Massage Gun', 'Blood Pressure Monitor'] },
  { name: 'Music', kind: 'color', nouns: ['Guitar', 'Ukulele', 'Keyboard Piano', 'Microphone', 'Drum Pad', 'Amplifier'] },
  { name: 'Baby', kind: 'color', nouns: ['Stroller', 'Baby Monitor', 'High Chair', 'Diaper Bag', 'Car Seat'] },
];

export const SUB_CATEGORIES = ['Essentials', 'Premium', 'Accessories', 'Classics', 'Basics', 'Pro', 'Kids', 'Outdoor', 'Compact', 'Deals'];

export const ADJECTIVES = [
  'Classic', 'Modern', 'Compact', 'Deluxe', 'Eco', 'Smart', 'Ultra', 'Vintage', 'Rugged', 'Slim', 'Premium', 'Everyday', 'Portable',
  'Wireless', 'Heavy-Duty', 'Soft', 'Bright', 'Quiet', 'Essential', 'Pro',
];

export const MATERIALS = ['Cotton', 'Steel', 'Bamboo', 'Leather', 'Wool', 'Ceramic', 'Oak', 'Aluminium', 'Linen', 'Glass', 'Carbon', 'Denim'];

export const COLORS = ['black', 'white', 'red', 'blue', 'green', 'grey', 'navy', 'beige', 'yellow', 'pink'];
export const SIZES = ['S', 'M', 'L', 'XL'];
export const RAM = ['8GB', '16GB', '32GB'];

export const FIRST_NAMES = [
  'Ada', 'Alan', 'Grace', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances', 'Edsger', 'Radia', 'Tim', 'Hedy', 'John', 'Katherine',
  'Donald', 'Sophie', 'Guido', 'Anita', 'Bjarne', 'Karen', 'James', 'Mary', 'Robert', 'Patricia', 'Michael', 'Linda', 'David', 'Elena',
  'Omar', 'Aisha', 'Wei', 'Yuki', 'Carlos', 'Fatima', 'Ivan', 'Priya', 'Lucas', 'Chloe', 'Mateo',
];

export const LAST_NAMES = [
  'Lovelace', 'Turing', 'Hopper', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Allen', 'Dijkstra', 'Perlman', 'Berners-Lee',
  'Lamarr', 'Backus', 'Johnson', 'Knuth', 'Wilson', 'van Rossum', 'Borg', 'Stroustrup', 'Smith', 'Brown', 'Garcia', 'Martinez', 'Nguyen',
  'Kim', 'Patel', 'Okafor', 'Rossi', 'Müller', 'Dubois', 'Silva', 'Tanaka', 'Kowalski', 'Novak', 'Haddad',
];

export const STREETS = ['Main Street', 'Oak Avenue', 'Analytical Way', 'Church Road', 'Station Road', 'Park Lane', 'High Street', 'Mill Road', 'Elm Street', 'Harbour View'];

export const CITIES = [
  ['London', 'GB'], ['Manchester', 'GB'], ['Dublin', 'IE'], ['Paris', 'FR'], ['Lyon', 'FR'], ['Berlin', 'DE'], ['Munich', 'DE'],
  ['Madrid', 'ES'], ['Lisbon', 'PT'], ['Amsterdam', 'NL'], ['New York', 'US'], ['Austin', 'US'], ['Seattle', 'US'], ['Toronto', 'CA'],
];

export const SERVICE_TYPES = [
  { name: 'Electrician', price: 8000, minutes: 60, description: 'Wiring, sockets, lights and fuse boxes' },
  { name: 'Plumber', price: 9000, minutes: 60, description: 'Leaks, taps, toilets and drains' },
  { name: 'Handyman', price: 6000, minutes: 90, description: 'Small repairs and furniture assembly' },
  { name: 'Appliance repair', price: 7500, minutes: 60, description: 'Washing machines, fridges and ovens' },
  { name: 'Heating service', price: 12000, minutes: 120, description: 'Boiler and heat pump maintenance' },
  { name: 'Locksmith', price: 7000, minutes: 45, description: 'Locks changed and doors opened' },
  { name: 'Painter', price: 25000, minutes: 480, description: 'Rooms painted, walls prepared' },
  { name: 'Gardener', price: 5000, minutes: 120, description: 'Lawns, hedges and seasonal clean-up' },
];

export const SUPPLIER_WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell', 'Cyberdyne', 'Wonka'];
export const SUPPLIER_SUFFIXES = ['Trading', 'Wholesale', 'Supply Co', 'Distribution', 'Imports', 'Industries'];
