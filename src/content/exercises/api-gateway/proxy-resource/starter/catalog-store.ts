// The product catalog the function serves, kept in memory. Read-only.

export interface Product {
  sku: string;
  name: string;
  priceCents: number;
}

const products = new Map<string, Product>();

export const catalog = {
  list: (): Product[] => [...products.values()],
  get: (sku: string): Product | undefined => products.get(sku),
  add(product: Product): void {
    products.set(product.sku, product);
  },
  reset(): void {
    products.clear();
    catalog.add({ sku: "lamp-1", name: "Desk lamp", priceCents: 3900 });
    catalog.add({ sku: "mug-7", name: "Mug", priceCents: 900 });
  },
};

catalog.reset();
